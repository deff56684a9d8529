package eu.efus.conference.registration.registration;

import eu.efus.conference.kit.identity.ManageToken;
import eu.efus.conference.kit.identity.Ids;
import eu.efus.conference.contracts.AccreditationApproved;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Participant;
import eu.efus.conference.kit.consumer.CloudEventHandlers;
import eu.efus.conference.kit.consumer.IdempotentConsumer;
import eu.efus.conference.kit.outbox.Outbox;
import eu.efus.conference.kit.outbox.OutboxRelay;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/**
 * An approved press accreditation makes the journalist a confirmed attendee of category PRESS. Press attendees hold no
 * participant seat (the press quota is the accreditation desk's rule). The registration and its confirmation fact are
 * one insert, keyed by the accreditation so a redelivered approval creates nothing twice; a journalist who had already
 * registered as a participant has that registration converted instead.
 */
@Configuration(proxyBeanMethods = false)
public class PressAdmission {

    private static final Logger log = LoggerFactory.getLogger(PressAdmission.class);
    static final String KEY_PREFIX = "accreditation|";

    private final MongoTemplate mongo;
    private final EventCatalog catalog;
    private final RegistrationService registrations;
    private final OutboxRelay relay;
    private final Clock clock;

    public PressAdmission(MongoTemplate mongo, EventCatalog catalog, RegistrationService registrations, OutboxRelay relay,
            Clock clock) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.registrations = registrations;
        this.relay = relay;
        this.clock = clock;
    }

    @Bean
    Consumer<Message<byte[]>> accreditationEvents(IdempotentConsumer idempotent) {
        return new CloudEventHandlers(idempotent)
                .on(EventTypes.ACCREDITATION_APPROVED, AccreditationApproved.class, (event, approved) -> admit(approved));
    }

    /** Creates the PRESS registration of an approved journalist, once. */
    public void admit(AccreditationApproved approved) {
        ConferenceEvent event = catalog.require(approved.event().code());
        String email = approved.journalist().email().strip().toLowerCase(Locale.ROOT);
        String key = KEY_PREFIX + approved.accreditationId();
        Instant now = clock.instant();
        String token = ManageToken.generate();
        // The unique idempotency-key index doubles as "one registration per accreditation".
        Registration registration = new Registration(Ids.random(), event.code(), Registration.activeKey(event.code(), email),
                key, "", RegistrationStatus.CONFIRMED,
                new Participant(approved.journalist().firstName(), approved.journalist().lastName(), email,
                        approved.journalist().mediaOutlet(), approved.journalist().country(), Category.PRESS.name()),
                approved.language(), null, null, false, List.of(),
                new Registration.Outcome(RegistrationStatus.CONFIRMED.name(), List.of()), List.of(ManageToken.hash(token)),
                now, now, null, 0);
        Document stored = new Document();
        mongo.getConverter().write(registration, stored);
        stored.putAll(Outbox.fieldsFor(List.of(RegistrationEvents.confirmed(registration, event, Map.of(),
                registrations.manageUrl(registration.id(), token)))));
        try {
            mongo.getCollection("registrations").insertOne(stored);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            if (e.getMessage().contains("idempotency")) {
                log.debug("Accreditation {} already admitted", approved.accreditationId());
            } else {
                registrations.convertToPress(registration.activeKey(), event);
            }
            return;
        }
        relay.wake();
        log.info("Accreditation {} admitted as PRESS registration {}", approved.accreditationId(), registration.id());
    }
}
