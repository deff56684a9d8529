package eu.efus.conference.notification.intake;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.notification.dispatch.Dispatcher;
import eu.efus.conference.notification.ledger.Ledger;
import eu.efus.conference.notification.ledger.LedgerIds;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.templates.MailTemplate;
import eu.efus.conference.notification.templates.RegistrationMail;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the consumers do with an event that asks for an email: write its ledger entry, and nothing else (no mail is sent
 * here, so a mail outage cannot hold up a topic). An entry's id derives from what caused it, so a replayed event
 * inserts nothing even if the kit's processed-events marker was never written: from (event id, template, recipient),
 * or for the emails that go out once per request from (registration or accreditation id, template, recipient).
 */
@Component
public class LedgerIntake {

    private static final Logger log = LoggerFactory.getLogger(LedgerIntake.class);

    private final Ledger ledger;
    private final Dispatcher dispatcher;

    public LedgerIntake(Ledger ledger, Dispatcher dispatcher) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
    }

    /**
     * Writes the entry of the email {@code template} to {@code email} caused by {@code event} unless it exists; returns
     * whether it was new. Exactly one of {@code registrationId} and {@code accreditationId} says what it is about.
     */
    public boolean record(CloudEvent event, MailTemplate template, String email, String name, String language,
            String registrationId, String accreditationId) {
        if (email == null || email.isBlank()) {
            // Unusable as it stands: the binder retries it a few times, then parks it in the dead-letter topic.
            throw new IllegalArgumentException("Event " + event.id() + " has no recipient address");
        }
        String recipient = email.trim();
        String about = accreditationId != null ? accreditationId : registrationId;
        // Without the id of what it is about (a broken event), the event's own id still keeps replays out.
        String id = template.oncePerAggregate() && about != null && !about.isBlank()
                ? LedgerIds.forAggregate(about, template.id(), recipient)
                : LedgerIds.forEvent(event.id(), template.id(), recipient);
        Notification entry = Notification.pending(id, template.id(), RegistrationMail.language(language), recipient,
                name, template.model(event.data()), event.id(), registrationId, accreditationId, null, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        if (ledger.insertIfAbsent(entry)) {
            log.info("Ledger entry {} ({}) for {}, causation {}", entry.id(), template.id(), about, event.id());
            dispatcher.wake();
            return true;
        }
        log.info("Ledger entry {} ({}) for {} already exists; event {} adds nothing", entry.id(), template.id(), about,
                event.id());
        return false;
    }
}
