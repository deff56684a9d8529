package eu.efus.conference.notification.bench;

import com.icegreen.greenmail.util.GreenMail;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.Golden;
import eu.efus.conference.notification.NotificationServiceApplication;
import eu.efus.conference.notification.dispatch.Dispatcher;
import eu.efus.conference.notification.ledger.Ledger;
import eu.efus.conference.notification.ledger.LedgerIds;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.templates.MailTemplate;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How fast the dispatcher drains a backlog into the local SMTP server, on the H2 backend of the MongoDB wire server
 * (what {@code ./run.sh} runs) with the embedded Kafka broker and GreenMail. Not a test: run it by hand,
 * {@code java -cp <test classpath> eu.efus.conference.notification.bench.DrainBenchmark [backlog] [alreadySent] [runs] [extra properties…]}.
 * With the dispatcher stopped it writes {@code backlog} pending confirmations (after {@code alreadySent} SENT entries,
 * once), starts the dispatcher and times until GreenMail holds them all; prints emails/s per run.
 */
public final class DrainBenchmark {

    private DrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int alreadySent = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> extra = args.length > 3 ? Arrays.asList(args).subList(3, args.length) : List.of();
        System.setProperty("tests.embedded", "true");
        TestInfrastructure infra = TestInfrastructure.get();
        GreenMail greenMail = infra.greenMail();

        com.sun.management.OperatingSystemMXBean cpu = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Path file = Files.createTempFile("bench-ledger", ".mv");
        Files.delete(file);
        H2Backend backend = new H2Backend(file.toString());
        MongoServer mongoServer = new MongoServer(backend);
        int mongoPort = TestInfrastructure.freePort();
        mongoServer.bind("127.0.0.1", mongoPort);

        List<String> properties = new ArrayList<>(List.of(
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/notification",
                "--spring.cloud.stream.kafka.binder.brokers=" + infra.kafkaBootstrap(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + infra.smtpPort(), "--server.port=0",
                "--logging.level.eu.efus.conference=WARN", "--logging.level.org.springframework.cloud.stream=WARN",
                "--logging.level.org.springframework.kafka=WARN", "--logging.level.org.apache.kafka=ERROR"));
        properties.addAll(extra);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .run(properties.toArray(String[]::new));
        try {
            Dispatcher dispatcher = context.getBean(Dispatcher.class);
            Ledger ledger = context.getBean(Ledger.class);
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            dispatcher.stop();
            Document model = MailTemplate.REGISTRATION_CONFIRMED.model(CloudEventCodec
                    .fromJson(Golden.fresh(EventTypes.REGISTRATION_CONFIRMED, "bench@example.org", "r-bench")).data());
            if (alreadySent > 0) {
                long start = System.nanoTime();
                prefillSent(mongo, model, alreadySent);
                System.out.printf("prefilled %d SENT entries in %.1f s%n", alreadySent, (System.nanoTime() - start) / 1e9);
            }
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                greenMail.purgeEmailFromAllMailboxes();
                for (int i = 0; i < backlog; i++) {
                    String email = "bench-" + run + "-" + i + "@example.org";
                    CloudEvent cause = CloudEventCodec.fromJson(Golden.fresh(EventTypes.REGISTRATION_CONFIRMED, email,
                            "r-b" + run + "-" + i));
                    ledger.insertIfAbsent(Notification.pending(LedgerIds.forEvent(cause.id(), "registration-confirmed",
                            email), "registration-confirmed", "fr", email, "Bench " + i,
                            MailTemplate.REGISTRATION_CONFIRMED.model(cause.data()), cause.id(), "r-b" + run + "-" + i, null,
                            null, null, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
                }
                long start = System.nanoTime();
                long cpuStart = cpu.getProcessCpuTime();
                dispatcher.start();
                int received = 0;
                long deadline = start + 900_000_000_000L;
                while (received < backlog && System.nanoTime() < deadline) {
                    // Counted from the store, without building every message: the count must not slow the drain.
                    Thread.sleep(200);
                    received = greenMail.getManagers().getImapHostManager().getAllMessages().size();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMillis = (cpu.getProcessCpuTime() - cpuStart) / 1e6;
                dispatcher.stop();
                double rate = received / seconds;
                rates.add(rate);
                // CPU of the whole JVM (service, Kafka broker, GreenMail, MongoDB server) per email: what the rate
                // would be on two idle cores does not depend on what else the machine was running.
                System.out.printf("run %d: %d emails in %.2f s = %.1f emails/s, %.2f CPU-ms per email, load %.1f%n", run,
                        received, seconds, rate, cpuMillis / Math.max(1, received), cpu.getSystemLoadAverage());
            }
            rates.sort(Double::compare);
            System.out.printf("RESULT backlog=%d alreadySent=%d median=%.1f emails/s runs=%s%n", backlog, alreadySent,
                    rates.get(rates.size() / 2), rates);
        } finally {
            context.close();
            mongoServer.shutdownNow();
            backend.close();
            Files.deleteIfExists(file);
            System.exit(0);
        }
    }

    /** SENT entries as the dispatcher leaves them, written in bulk. */
    private static void prefillSent(MongoTemplate mongo, Document model, int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "n-" + UUID.randomUUID();
            batch.add(new Document("_id", id).append("template", "registration-confirmed").append("language", "fr")
                    .append("recipient", "old-" + i + "@example.org").append("recipientKey", "old-" + i + "@example.org")
                    .append("recipientName", "Old " + i).append("model", model).append("status", "SENT")
                    .append("attempts", 1).append("messageId", "<" + id + ".1@conference.efus.example>")
                    .append("createdAt", java.util.Date.from(now)).append("sentAt", java.util.Date.from(now))
                    .append("nextAttemptAt", java.util.Date.from(now)).append("causationId", UUID.randomUUID().toString())
                    .append("registrationId", "r-old-" + i).append("pendingEvents", List.of())
                    .append("outboxPending", false));
            if (batch.size() == 1000) {
                mongo.getCollection(Ledger.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection(Ledger.COLLECTION).insertMany(batch);
        }
    }
}
