package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.notification.ledger.NotificationStatus;
import eu.efus.conference.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A record that is not a CloudEvent is parked in the dead-letter topic of its topic; the events after it still get
 * their emails.
 */
class PoisonRecordIT extends ServiceContext {

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextEventIsStillHandled() {
        String poison = "this is not JSON " + UUID.randomUUID();
        String email = uniqueEmail("after-poison");
        String registration = uniqueRegistration();
        try (KafkaProbe deadLetters = new KafkaProbe(INFRA.kafkaBootstrap(),
                Topics.deadLetter(Topics.REGISTRATION_EVENTS, "notification-service"))) {
            // Same key as the good event: same partition, so the good one waits behind the poison.
            KafkaProbe.send(INFRA.kafkaBootstrap(), Topics.REGISTRATION_EVENTS, registration,
                    poison.getBytes(StandardCharsets.UTF_8));
            publishGolden(EventTypes.REGISTRATION_CONFIRMED, email, registration);

            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.values().contains(poison));
            await().atMost(Duration.ofSeconds(30)).until(() -> entriesFor(email).stream()
                    .anyMatch(e -> e.status() == NotificationStatus.SENT));
            assertThat(mailsTo(email)).hasSize(1);
        }
    }

    @Test
    void aPoisonRecordOnTheAccreditationTopicGoesToItsOwnDeadLetterTopic() {
        String poison = "not an accreditation event " + UUID.randomUUID();
        String email = uniqueEmail("journalist-after-poison");
        String accreditation = uniqueAccreditation();
        try (KafkaProbe deadLetters = new KafkaProbe(INFRA.kafkaBootstrap(),
                Topics.deadLetter(Topics.ACCREDITATION_EVENTS, "notification-service"))) {
            KafkaProbe.send(INFRA.kafkaBootstrap(), Topics.ACCREDITATION_EVENTS, accreditation,
                    poison.getBytes(StandardCharsets.UTF_8));
            publishGoldenAccreditation(EventTypes.ACCREDITATION_RECEIVED, email, accreditation);

            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.values().contains(poison));
            await().atMost(Duration.ofSeconds(30)).until(() -> entriesFor(email).stream()
                    .anyMatch(e -> e.status() == NotificationStatus.SENT));
            assertThat(mailsTo(email)).hasSize(1);
        }
    }
}
