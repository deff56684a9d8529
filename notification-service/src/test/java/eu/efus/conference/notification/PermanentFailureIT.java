package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.EmailFailed;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.ledger.NotificationStatus;
import eu.efus.conference.testsupport.KafkaProbe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A mail server's 5xx refusal is final: FAILED at once, with the server's words, and announced. */
class PermanentFailureIT extends ServiceContext {

    @Test
    void aRefusedMailboxFailsAtOnceWithTheServersReply() throws Exception {
        String email = uniqueEmail("reject");
        GreenMail smtp = greenMail();
        try (KafkaProbe events = notificationEventsProbe()) {
            Notification entry;
            smtp.stop();
            try (FakeSmtpServer refusing = new FakeSmtpServer(INFRA.smtpPort())) {
                CloudEvent cause = publishGolden(EventTypes.REGISTRATION_WAITLISTED, email, uniqueRegistration());

                await().atMost(Duration.ofSeconds(20)).until(() -> entriesFor(email).stream()
                        .anyMatch(e -> e.status() == NotificationStatus.FAILED));
                entry = entriesFor(email).get(0);
                assertThat(entry.lastError()).isEqualTo("550 5.1.1 mailbox unavailable");
                assertThat(entry.attempts()).isEqualTo(1);
                assertThat(entry.causationId()).isEqualTo(cause.id());
                // Not retried, neither by the in-call Retry nor by the ledger.
                assertThat(refusing.recipients()).filteredOn(email::equalsIgnoreCase).hasSize(1);
            } finally {
                smtp.start();
            }

            await().atMost(Duration.ofSeconds(15)).until(() -> !notificationEvents(events, entry.id()).isEmpty());
            List<CloudEvent> announced = notificationEvents(events, entry.id());
            assertThat(announced).extracting(CloudEvent::type).containsExactly(EventTypes.EMAIL_FAILED);
            EmailFailed failed = announced.get(0).dataAs(EmailFailed.class);
            assertThat(failed.notificationId()).isEqualTo(entry.id());
            assertThat(failed.template()).isEqualTo("registration-waitlisted");
            assertThat(failed.language()).isEqualTo("fr");
            assertThat(failed.error()).isEqualTo("550 5.1.1 mailbox unavailable");
            assertThat(failed.attempts()).isEqualTo(1);
        }
        assertThat(mailsTo(email)).isEmpty();
    }
}
