package eu.efus.conference.notification.intake;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Participant;
import eu.efus.conference.contracts.RegistrationCancelled;
import eu.efus.conference.contracts.RegistrationConfirmed;
import eu.efus.conference.contracts.RegistrationPromoted;
import eu.efus.conference.contracts.RegistrationWaitlisted;
import eu.efus.conference.kit.consumer.CloudEventHandlers;
import eu.efus.conference.kit.consumer.IdempotentConsumer;
import eu.efus.conference.notification.templates.MailTemplate;
import eu.efus.conference.notification.templates.RegistrationMail;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Turns registration events into ledger entries (see {@link LedgerIntake}). The confirmation of a registration of
 * category PRESS is the press accreditation's approval email: registration-service creates that registration when the
 * press officer approves, and its event carries the manage link the journalist needs.
 */
@Configuration(proxyBeanMethods = false)
public class RegistrationEmails {

    private final LedgerIntake intake;

    public RegistrationEmails(LedgerIntake intake) {
        this.intake = intake;
    }

    /** The binding {@code registrationEvents-in-0} (topic {@code registration.events}). */
    @Bean
    Consumer<Message<byte[]>> registrationEvents() {
        return consumer(LedgerIdempotence.INSTANCE);
    }

    /** The consumer with the given duplicate check (tests observe which events reach it). */
    Consumer<Message<byte[]>> consumer(IdempotentConsumer idempotent) {
        return new CloudEventHandlers(idempotent)
                .on(EventTypes.REGISTRATION_CONFIRMED, RegistrationConfirmed.class, (event, data) -> record(event,
                        confirmationOf(data), data.registrationId(), data.participant(), data.language()))
                .on(EventTypes.REGISTRATION_WAITLISTED, RegistrationWaitlisted.class, (event, data) -> record(event,
                        MailTemplate.REGISTRATION_WAITLISTED, data.registrationId(), data.participant(), data.language()))
                .on(EventTypes.REGISTRATION_PROMOTED, RegistrationPromoted.class, (event, data) -> record(event,
                        MailTemplate.REGISTRATION_PROMOTED, data.registrationId(), data.participant(), data.language()))
                .on(EventTypes.REGISTRATION_CANCELLED, RegistrationCancelled.class, (event, data) -> record(event,
                        MailTemplate.REGISTRATION_CANCELLED, data.registrationId(), data.participant(), data.language()));
    }

    /** A participant's confirmation, or for an accredited journalist (category PRESS) the approval of their request. */
    static MailTemplate confirmationOf(RegistrationConfirmed data) {
        return RegistrationMail.isPress(data.participant()) ? MailTemplate.ACCREDITATION_APPROVED
                : MailTemplate.REGISTRATION_CONFIRMED;
    }

    /** Writes the entry for this event unless it exists; returns whether it was new. */
    public boolean record(CloudEvent event, MailTemplate template, String registrationId, Participant participant,
            String language) {
        return intake.record(event, template, participant == null ? null : participant.email(),
                RegistrationMail.fullName(participant), language, registrationId, null);
    }
}
