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
import eu.efus.conference.notification.dispatch.Dispatcher;
import eu.efus.conference.notification.ledger.Ledger;
import eu.efus.conference.notification.ledger.LedgerIds;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.templates.MailTemplate;
import eu.efus.conference.notification.templates.RegistrationMail;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Turns registration events into ledger entries, and does nothing else: no mail is sent here, so a mail outage cannot
 * hold up the topic. An entry's id derives from (event id, template, recipient), so a replayed event inserts nothing
 * even if the kit's processed-events marker was never written.
 */
@Configuration(proxyBeanMethods = false)
public class RegistrationEmails {

    private static final Logger log = LoggerFactory.getLogger(RegistrationEmails.class);

    private final Ledger ledger;
    private final Dispatcher dispatcher;

    public RegistrationEmails(Ledger ledger, Dispatcher dispatcher) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
    }

    /** The binding {@code registrationEvents-in-0} (topic {@code registration.events}). */
    @Bean
    Consumer<Message<byte[]>> registrationEvents(IdempotentConsumer idempotent) {
        return new CloudEventHandlers(idempotent)
                .on(EventTypes.REGISTRATION_CONFIRMED, RegistrationConfirmed.class, (event, data) -> record(event,
                        MailTemplate.REGISTRATION_CONFIRMED, data.registrationId(), data.participant(), data.language()))
                .on(EventTypes.REGISTRATION_WAITLISTED, RegistrationWaitlisted.class, (event, data) -> record(event,
                        MailTemplate.REGISTRATION_WAITLISTED, data.registrationId(), data.participant(), data.language()))
                .on(EventTypes.REGISTRATION_PROMOTED, RegistrationPromoted.class, (event, data) -> record(event,
                        MailTemplate.REGISTRATION_PROMOTED, data.registrationId(), data.participant(), data.language()))
                .on(EventTypes.REGISTRATION_CANCELLED, RegistrationCancelled.class, (event, data) -> record(event,
                        MailTemplate.REGISTRATION_CANCELLED, data.registrationId(), data.participant(), data.language()));
    }

    /** Writes the entry for this event unless it exists; returns whether it was new. */
    public boolean record(CloudEvent event, MailTemplate template, String registrationId, Participant participant,
            String language) {
        if (participant == null || participant.email() == null || participant.email().isBlank()) {
            // Unusable as it stands: the binder retries it a few times, then parks it in the dead-letter topic.
            throw new IllegalArgumentException("Event " + event.id() + " has no recipient address");
        }
        String email = participant.email().trim();
        Notification entry = Notification.pending(LedgerIds.forEvent(event.id(), template.id(), email), template.id(),
                RegistrationMail.language(language), email, RegistrationMail.fullName(participant),
                MailTemplate.toModel(event.data()), event.id(), registrationId, null, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        boolean inserted = ledger.insertIfAbsent(entry);
        if (inserted) {
            log.info("Ledger entry {} ({}) for registration {}, causation {}", entry.id(), template.id(), registrationId,
                    event.id());
            dispatcher.wake();
        } else {
            log.info("Ledger entry {} already exists; event {} was a replay", entry.id(), event.id());
        }
        return inserted;
    }
}
