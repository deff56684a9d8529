package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.ledger.Ledger;
import eu.efus.conference.notification.ledger.LedgerIds;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.ledger.NotificationStatus;
import eu.efus.conference.notification.templates.MailTemplate;
import eu.efus.conference.testsupport.StaffTokens;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The service killed (SIGKILL, no shutdown hook) in the middle of a backlog and started again: no email is lost, and the
 * only duplicates possible are the sends in flight at that instant, at most one per sender
 * ({@code conference.mail.concurrency}): a sender holds one email between the server's acceptance and the SENT update.
 * Emails claimed but not yet handed to the server are sent once, after their lease. The service runs as a child JVM
 * from the module's jar (built by {@code package}, before the integration tests), on its own database and topics.
 */
class HardStopIT extends ServiceContext {

    private static final int BACKLOG = 1500;
    private static final int SENDERS = 4;
    private static final Path JAR = Path.of("target", "notification-service.jar");

    @Test
    void aServiceKilledMidBacklogLosesNothingAndDuplicatesAtMostItsSendsInFlight() throws Exception {
        assertThat(JAR).as("the service jar (mvn package)").exists();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String database = "notification-crash-" + run;
        String domain = "crash-" + run + ".example";
        GreenMail smtp = greenMail();
        List<String> recipients = IntStream.range(0, BACKLOG).mapToObj(i -> "c" + i + "@" + domain).toList();

        try (MongoClient client = MongoClients.create(INFRA.mongoUri(database))) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            Ledger backlog = new Ledger(mongo);
            backlog.afterPropertiesSet();
            Document model = MailTemplate.REGISTRATION_CONFIRMED.model(Golden.event(EventTypes.REGISTRATION_CONFIRMED).data());
            for (String email : recipients) {
                String cause = UUID.randomUUID().toString();
                backlog.insertIfAbsent(Notification.pending(LedgerIds.forEvent(cause, "registration-confirmed", email),
                        "registration-confirmed", "en", email, "Participant", model, cause, uniqueRegistration(), null,
                        null, null, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            }

            Process first = start(run, database, 1);
            int atKill;
            try {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(20))
                        .until(() -> !first.isAlive() || smtp.getReceivedMessagesForDomain(domain).length >= 100);
                assertThat(first.isAlive()).as("the first instance is running").isTrue();
                first.destroyForcibly().waitFor();
                atKill = smtp.getReceivedMessagesForDomain(domain).length;
            } finally {
                first.destroyForcibly();
            }
            assertThat(atKill).as("killed in the middle of the backlog").isLessThan(BACKLOG);

            Process second = start(run, database, 2);
            try {
                Query notSent = Query.query(Criteria.where("status").ne(NotificationStatus.SENT.name()));
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                        .until(() -> mongo.count(notSent, Ledger.COLLECTION) == 0);
            } finally {
                second.destroy();
                second.waitFor();
            }

            // Every entry is SENT: nothing is left to send, so what GreenMail holds now is final.
            Map<String, Long> perRecipient = BacklogOutageIT.countPerRecipient(smtp.getReceivedMessagesForDomain(domain));
            long duplicates = perRecipient.values().stream().mapToLong(n -> n - 1).sum();
            System.out.printf("HardStopIT: %d emails before the kill, %d duplicates after the restart%n", atKill,
                    duplicates);
            assertThat(perRecipient.keySet()).as("no email lost").containsExactlyInAnyOrderElementsOf(recipients);
            assertThat(duplicates).as("duplicates: at most the sends in flight").isLessThanOrEqualTo(SENDERS);
            assertThat(perRecipient.values()).allMatch(n -> n <= 2);
        }
    }

    /** The service jar in a child JVM on the test infrastructure, its own database and topics, short leases. */
    private static Process start(String run, String database, int instance) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toString(),
                "--server.port=" + TestInfrastructure.freePort(),
                "--spring.mongodb.uri=" + INFRA.mongoUri(database),
                "--spring.cloud.stream.kafka.binder.brokers=" + INFRA.kafkaBootstrap(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + INFRA.smtpPort(),
                // The jar holds no secret: a deployment gives it, as the tests' own contexts get it.
                "--conference.staff-token.secret=" + StaffTokens.DEMO_SECRET,
                "--conference.mail.concurrency=" + SENDERS,
                "--conference.mail.lease=5s", "--conference.mail.poll-interval=200ms"));
        // Its own topics and group: it must not take the shared context's events nor join its consumer group.
        for (String binding : List.of("registrationEvents-in-0", "accreditationEvents-in-0")) {
            command.add("--spring.cloud.stream.bindings." + binding + ".destination=crash-" + run + "-" + binding);
            command.add("--spring.cloud.stream.bindings." + binding + ".group=crash-" + run);
            command.add("--spring.cloud.stream.kafka.bindings." + binding + ".consumer.dlq-name=crash-" + run + "-"
                    + binding + ".dlq");
        }
        File log = Files.createDirectories(Path.of("target", "hard-stop")).resolve("instance-" + run + "-" + instance + ".log")
                .toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }
}
