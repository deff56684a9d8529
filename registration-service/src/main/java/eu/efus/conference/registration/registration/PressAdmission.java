package eu.efus.conference.registration.registration;

import eu.efus.conference.contracts.AccreditationApproved;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Participant;
import eu.efus.conference.kit.consumer.CloudEventHandlers;
import eu.efus.conference.kit.consumer.IdempotentConsumer;
import eu.efus.conference.kit.identity.Ids;
import eu.efus.conference.kit.identity.ManageToken;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import eu.efus.conference.registration.checkin.CheckInCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
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

    private final Registrations registrations;
    private final EventCatalog catalog;
    private final Seating seating;
    private final Clock clock;
    private final CheckInCodes checkInCodes;
    private final Duration recoveryGrace;

    public PressAdmission(Registrations registrations, EventCatalog catalog, Seating seating, Clock clock,
            CheckInCodes checkInCodes, @Value("${conference.reconciliation.grace:30s}") Duration recoveryGrace) {
        this.registrations = registrations;
        this.catalog = catalog;
        this.seating = seating;
        this.clock = clock;
        this.checkInCodes = checkInCodes;
        this.recoveryGrace = recoveryGrace;
    }

    @Bean
    Consumer<Message<byte[]>> accreditationEvents(IdempotentConsumer idempotent) {
        return new CloudEventHandlers(idempotent)
                .on(EventTypes.ACCREDITATION_APPROVED, AccreditationApproved.class, (event, approved) -> admit(approved));
    }

    /** Creates the PRESS registration of an approved journalist, once. */
    public void admit(AccreditationApproved approved) {
        ConferenceEvent event = catalog.find(approved.event().code())
                .orElseThrow(() -> new IllegalStateException("Approved accreditation for unknown event "
                        + approved.event().code()));
        String email = approved.journalist().email().strip().toLowerCase(Locale.ROOT);
        String key = KEY_PREFIX + approved.accreditationId();
        String token = ManageToken.generate();
        String id = Ids.random();
        Registration registration = Registration.press(id, event.code(), email, key,
                new Participant(approved.journalist().firstName(), approved.journalist().lastName(), email,
                        approved.journalist().mediaOutlet(), approved.journalist().country(), Category.PRESS.name()),
                approved.language(), ManageToken.hash(token), checkInCodes.keyFor(id), clock.instant());
        try {
            // The unique idempotency-key index doubles as "one registration per accreditation".
            registrations.insert(registration, new Registration.Change(registration,
                    List.of(RegistrationEvents.confirmed(registration, event, Map.of(), seating.manageUrl(id, token),
                            checkInCodes.codeFor(id)))));
        } catch (DuplicateKeyException e) {
            if (registrations.byIdempotencyKey(key).isPresent()) {
                log.debug("Accreditation {} already admitted", approved.accreditationId());
            } else {
                convertToPress(registration.activeKey(), event);
            }
            return;
        }
        log.info("Accreditation {} admitted as PRESS registration {}", approved.accreditationId(), id);
    }

    /**
     * An approved journalist who had already registered as a participant: the registration becomes a PRESS one, its
     * participant seat goes to the next person waiting, and the approval email (with a fresh link) goes out.
     */
    void convertToPress(String activeKey, ConferenceEvent event) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Registration r = registrations.byActiveKey(activeKey)
                    .orElseThrow(() -> new IllegalStateException("No active registration to convert for " + event.code()));
            if (r.isPress()) {
                return;
            }
            if (r.status() == RegistrationStatus.ALLOCATING) {
                throw new IllegalStateException("Registration " + r.id() + " is still being allocated; the event will be retried");
            }
            String token = ManageToken.generate();
            Instant now = clock.instant();
            var saved = registrations.save(r, r.convertedToPress(event, seating.currentPositions(r), token,
                    seating.manageUrl(r.id(), token), checkInCodes.codeFor(r.id()), now, now.plus(recoveryGrace)));
            if (saved.isPresent()) {
                log.info("Registration {} converted to PRESS", r.id());
                seating.freeSeats(saved.get(), event);
                return;
            }
        }
        throw new IllegalStateException("Converting a registration to PRESS kept conflicting; the event will be retried");
    }
}
