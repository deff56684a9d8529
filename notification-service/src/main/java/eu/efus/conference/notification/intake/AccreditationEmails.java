package eu.efus.conference.notification.intake;

import eu.efus.conference.contracts.AccreditationInfoRequested;
import eu.efus.conference.contracts.AccreditationRejected;
import eu.efus.conference.contracts.AccreditationRequested;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Journalist;
import eu.efus.conference.kit.consumer.CloudEventHandlers;
import eu.efus.conference.kit.consumer.IdempotentConsumer;
import eu.efus.conference.notification.templates.MailTemplate;
import eu.efus.conference.notification.templates.RegistrationMail;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Turns press accreditation events into ledger entries (see {@link LedgerIntake}): the journalist hears that the
 * request was received, what the press officer asks, and why it was rejected. The approval email does not come from
 * here: see {@link #WITHOUT_EMAIL}.
 */
@Configuration(proxyBeanMethods = false)
public class AccreditationEmails {

    /**
     * The accreditation events that deliberately send nothing. They have no handler, so the consumer skips them and
     * records nothing, not even a processed-event marker.
     * <ul>
     * <li>approved: the journalist gets exactly one approval email, and it is rendered from the
     * {@code registration.confirmed} of the PRESS registration that registration-service creates on approval (template
     * {@code accreditation-approved}): only that event has the manage link and the registration for the invite. An
     * email here too would be a second one.</li>
     * <li>info-provided: the journalist has just answered, on the page of their private link; the next step is the
     * press officer's, and its outcome is emailed.</li>
     * <li>withdrawn: the journalist withdrew the request themselves, on that same page.</li>
     * </ul>
     */
    public static final Set<String> WITHOUT_EMAIL = Set.of(EventTypes.ACCREDITATION_APPROVED,
            EventTypes.ACCREDITATION_INFO_PROVIDED, EventTypes.ACCREDITATION_WITHDRAWN);

    private final LedgerIntake intake;

    public AccreditationEmails(LedgerIntake intake) {
        this.intake = intake;
    }

    /** The binding {@code accreditationEvents-in-0} (topic {@code accreditation.events}). */
    @Bean
    Consumer<Message<byte[]>> accreditationEvents() {
        return consumer(LedgerIdempotence.INSTANCE);
    }

    /** The consumer with the given duplicate check (tests observe which events reach it). */
    Consumer<Message<byte[]>> consumer(IdempotentConsumer idempotent) {
        return new CloudEventHandlers(idempotent)
                .on(EventTypes.ACCREDITATION_RECEIVED, AccreditationRequested.class, (event, data) -> record(event,
                        MailTemplate.ACCREDITATION_RECEIVED, data.accreditationId(), data.journalist(), data.language()))
                .on(EventTypes.ACCREDITATION_NEEDS_INFO, AccreditationInfoRequested.class, (event, data) -> record(event,
                        MailTemplate.ACCREDITATION_NEEDS_INFO, data.accreditationId(), data.journalist(), data.language()))
                .on(EventTypes.ACCREDITATION_REJECTED, AccreditationRejected.class, (event, data) -> record(event,
                        MailTemplate.ACCREDITATION_REJECTED, data.accreditationId(), data.journalist(), data.language()));
    }

    /** Writes the entry for this event unless it exists; returns whether it was new. */
    public boolean record(CloudEvent event, MailTemplate template, String accreditationId, Journalist journalist,
            String language) {
        String name = journalist == null ? "" : RegistrationMail.fullName(journalist.firstName(), journalist.lastName());
        return intake.record(event, template, journalist == null ? null : journalist.email(), name, language, null,
                accreditationId);
    }
}
