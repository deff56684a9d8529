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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * CPU cost of building one confirmation (render, invite, MIME) and writing it out as the SMTP client does, without any
 * server. Not a test: run it by hand, {@code java -cp <test classpath> eu.efus.conference.notification.bench.ComposeBenchmark [emails]}.
 */
public final class ComposeBenchmark {

    private ComposeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int emails = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        MailComposer composer = new MailComposer(new JavaMailSenderImpl(), new MailRenderer(),
                new MailSettings(null, null, null, null, null, null, null, null, null, null));
        List<Notification> entries = new ArrayList<>();
        for (int i = 0; i < emails; i++) {
            String email = "p" + i + "@example.org";
            CloudEvent cause = CloudEventCodec.fromJson(Golden.fresh(EventTypes.REGISTRATION_CONFIRMED, email, "r-c" + i));
            entries.add(Notification.pending(LedgerIds.forEvent(cause.id(), "registration-confirmed", email),
                    "registration-confirmed", i % 2 == 0 ? "fr" : "en", email, "P " + i,
                    MailTemplate.REGISTRATION_CONFIRMED.model(cause.data()), cause.id(), "r-c" + i, null, null, null,
                    Instant.now()));
        }
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            for (Notification entry : entries) {
                MimeMessage message = composer.compose(entry, composer.messageId(entry, 1));
                message.saveChanges();
                message.writeTo(OutputStream.nullOutputStream());
            }
            double micros = (System.nanoTime() - start) / 1e3 / emails;
            System.out.printf("round %d: %.0f µs per email (%.0f emails/s on one core)%n", round, micros, 1e6 / micros);
        }
    }
}
