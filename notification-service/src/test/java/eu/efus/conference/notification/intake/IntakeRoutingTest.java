package eu.efus.conference.notification.intake;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.RegistrationConfirmed;
import eu.efus.conference.kit.consumer.IdempotentConsumer;
import eu.efus.conference.notification.Golden;
import eu.efus.conference.notification.templates.MailTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Which event gets which email, without Kafka: the consumers' routing. */
class IntakeRoutingTest {

    /** Records which events reach the idempotent step (and so a handler), without running any effect. */
    private static final class Seen extends IdempotentConsumer {
        final List<String> types = new ArrayList<>();

        Seen() {
            super(null);
        }

        @Override
        public boolean handle(CloudEvent event, Runnable effect) {
            types.add(event.type());
            return false;
        }
    }

    private static Message<byte[]> message(String type) {
        return MessageBuilder.withPayload(Golden.json(type).getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
    }

    @Test
    void onlyReceivedNeedsInfoAndRejectedAccreditationEventsAreHandled() {
        Seen seen = new Seen();
        Consumer<Message<byte[]>> consumer = new AccreditationEmails(null).consumer(seen);
        for (String type : List.of(EventTypes.ACCREDITATION_RECEIVED, EventTypes.ACCREDITATION_NEEDS_INFO,
                EventTypes.ACCREDITATION_INFO_PROVIDED, EventTypes.ACCREDITATION_APPROVED, EventTypes.ACCREDITATION_REJECTED,
                EventTypes.ACCREDITATION_WITHDRAWN)) {
            consumer.accept(message(type));
        }
        assertThat(seen.types).containsExactly(EventTypes.ACCREDITATION_RECEIVED, EventTypes.ACCREDITATION_NEEDS_INFO,
                EventTypes.ACCREDITATION_REJECTED);
        assertThat(AccreditationEmails.WITHOUT_EMAIL).containsExactlyInAnyOrder(EventTypes.ACCREDITATION_APPROVED,
                EventTypes.ACCREDITATION_INFO_PROVIDED, EventTypes.ACCREDITATION_WITHDRAWN);
    }

    @Test
    void anArrivalAtTheDeskSendsNoEmail() {
        Seen seen = new Seen();
        Consumer<Message<byte[]>> consumer = new RegistrationEmails(null).consumer(seen);
        for (String type : List.of(EventTypes.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_CHECKED_IN,
                EventTypes.REGISTRATION_CANCELLED)) {
            consumer.accept(message(type));
        }
        assertThat(seen.types).containsExactly(EventTypes.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_CANCELLED);
    }

    @Test
    void aPressRegistrationsConfirmationIsTheAccreditationApproval() {
        RegistrationConfirmed participant = Golden.event(EventTypes.REGISTRATION_CONFIRMED).dataAs(RegistrationConfirmed.class);
        RegistrationConfirmed journalist = Golden.pressConfirmed(Golden.SAMPLE_JOURNALIST, "r-press", false)
                .dataAs(RegistrationConfirmed.class);
        assertThat(RegistrationEmails.confirmationOf(participant)).isEqualTo(MailTemplate.REGISTRATION_CONFIRMED);
        assertThat(RegistrationEmails.confirmationOf(journalist)).isEqualTo(MailTemplate.ACCREDITATION_APPROVED);
        assertThat(CloudEventCodec.toJson(Golden.pressConfirmed("x@example.org", "r-1", false))).contains("\"PRESS\"");
    }
}
