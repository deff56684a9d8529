package eu.efus.conference.notification.bench;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.Golden;
import eu.efus.conference.notification.MailSettings;
import eu.efus.conference.notification.dispatch.MailComposer;
import eu.efus.conference.notification.ledger.LedgerIds;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.templates.MailRenderer;
import eu.efus.conference.notification.templates.MailTemplate;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * CPU cost of building one confirmation (render, invite, check-in QR code, MIME) and writing it out as the SMTP client
 * does, without any server, and the size of what is written. Not a test: run it by hand,
 * {@code java -cp <test classpath> eu.efus.conference.notification.bench.ComposeBenchmark [emails [rounds]]}.
 */
public final class ComposeBenchmark {

    private ComposeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int emails = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // This thread's CPU time: unlike the wall clock, it does not count the time other processes had the core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MailComposer composer = new MailComposer(new JavaMailSenderImpl(), new MailRenderer(),
                new MailSettings(null, null, null, null, null, null, null, null, null, null));
        List<Notification> entries = new ArrayList<>();
        for (int i = 0; i < emails; i++) {
            String email = "p" + i + "@example.org";
            // Each its own check-in code, as each registration has.
            CloudEvent cause = CloudEventCodec.fromJson(Golden.fresh(EventTypes.REGISTRATION_CONFIRMED, email, "r-c" + i)
                    .replace(Golden.CHECK_IN_CODE, String.format("SAMP-1E00-%04d-%04d", i / 10000, i % 10000)));
            entries.add(Notification.pending(LedgerIds.forEvent(cause.id(), "registration-confirmed", email),
                    "registration-confirmed", i % 2 == 0 ? "fr" : "en", email, "P " + i,
                    MailTemplate.REGISTRATION_CONFIRMED.model(cause.data()), cause.id(), "r-c" + i, null, null, null,
                    Instant.now()));
        }
        // What the ledger keeps per entry (the event data), to compare with the size of the email built from it.
        System.out.printf("ledger model: %d bytes per entry (JSON)%n",
                entries.stream().mapToLong(e -> e.model().toJson().length()).sum() / emails);
        for (int round = 1; round <= rounds; round++) {
            ByteCount written = new ByteCount();
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (Notification entry : entries) {
                MimeMessage message = composer.compose(entry, composer.messageId(entry, 1));
                message.saveChanges();
                message.writeTo(written);
            }
            double micros = (System.nanoTime() - start) / 1e3 / emails;
            double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / emails;
            System.out.printf("round %d: %.0f µs per email (%.0f emails/s on one core), %.0f µs CPU, %d bytes per email%n",
                    round, micros, 1e6 / micros, cpuMicros, written.bytes / emails);
        }
    }

    /** Counts what the SMTP client would send, and drops it. */
    private static final class ByteCount extends OutputStream {

        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
