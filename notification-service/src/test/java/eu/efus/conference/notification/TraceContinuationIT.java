package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.ledger.NotificationStatus;
import eu.efus.conference.testsupport.KafkaProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An email belongs to the trace of the event that asked for it: the consumer continues the event's traceparent, the
 * ledger entry keeps it, and the dispatcher sends the email in it, so the log lines and the {@code email.sent} event
 * carry the trace id of the registration. An event without trace context is emailed all the same.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceContinuationIT extends ServiceContext {

    @Test
    void theEmailAndItsEventContinueTheTraceOfTheRegistration(CapturedOutput output) {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String email = uniqueEmail("traced");
        CloudEvent cause = CloudEventCodec.fromJson(Golden.fresh(EventTypes.REGISTRATION_CONFIRMED, email,
                uniqueRegistration())).withTrace("00-" + traceId + "-00f067aa0ba902b7-01", null);
        try (KafkaProbe events = notificationEventsProbe()) {
            publish(cause);

            Notification entry = await().atMost(Duration.ofSeconds(20)).until(() -> entriesFor(email).stream()
                    .filter(e -> e.status() == NotificationStatus.SENT).findFirst().orElse(null), e -> e != null);
            assertThat(entry.traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-01");
            assertThat(mailsTo(email)).hasSize(1);

            List<CloudEvent> announced = await().atMost(Duration.ofSeconds(15))
                    .until(() -> notificationEvents(events, entry.id()), list -> !list.isEmpty());
            assertThat(announced.get(0).type()).isEqualTo(EventTypes.EMAIL_SENT);
            assertThat(announced.get(0).traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-01");

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(linesWith(output, traceId)).anyMatch(l -> l.contains(
                        "Event " + EventTypes.REGISTRATION_CONFIRMED + " " + cause.id() + " handled"));
                assertThat(linesWith(output, traceId)).anyMatch(l -> l.contains("Email " + entry.id() + " ")
                        && l.contains(" sent, attempt 1"));
            });
            // Ids in the lines, never the address.
            assertThat(linesWith(output, traceId)).noneMatch(l -> l.contains(email));
        }
    }

    @Test
    void anEventWithoutTraceContextIsEmailedInATraceOfItsOwn() {
        String email = uniqueEmail("untraced");
        CloudEvent cause = publishGolden(EventTypes.REGISTRATION_CONFIRMED, email, uniqueRegistration());
        assertThat(cause.traceparent()).isNull();

        Notification entry = await().atMost(Duration.ofSeconds(20)).until(() -> entriesFor(email).stream()
                .filter(e -> e.status() == NotificationStatus.SENT).findFirst().orElse(null), e -> e != null);
        assertThat(entry.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(mailsTo(email)).hasSize(1);
    }

    private static List<String> linesWith(CapturedOutput output, String traceId) {
        return output.getOut().lines().filter(l -> l.contains(traceId)).toList();
    }
}
