package eu.efus.conference.registration.registration;

import eu.efus.conference.contracts.Participant;
import eu.efus.conference.kit.identity.Fingerprint;
import eu.efus.conference.kit.identity.Ids;
import eu.efus.conference.kit.problem.Refusal;
import eu.efus.conference.kit.problem.FieldProblem;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import eu.efus.conference.registration.checkin.CheckInCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The participant's use cases: register, see, cancel. Loads, asks the aggregate, writes; the seat pools are
 * {@link Seating}'s. A registration with two sessions costs five MongoDB round trips inside the request when seats
 * are free (insert, three pool updates, the outcome write); the event comes from the catalogue's short-lived cache.
 */
@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Registrations registrations;
    private final EventCatalog catalog;
    private final Seating seating;
    private final Clock clock;
    private final CheckInCodes checkInCodes;
    private final Duration recoveryGrace;

    public RegistrationService(Registrations registrations, EventCatalog catalog, Seating seating, Clock clock,
            CheckInCodes checkInCodes, @Value("${conference.reconciliation.grace:30s}") Duration recoveryGrace) {
        this.registrations = registrations;
        this.catalog = catalog;
        this.seating = seating;
        this.clock = clock;
        this.checkInCodes = checkInCodes;
        this.recoveryGrace = recoveryGrace;
    }

    /** The answer to a registration: whether it was created now or replayed for the same Idempotency-Key. */
    public record Registered(Registration registration, boolean replayed) {
    }

    public Registered register(String eventCode, RegistrationRequest request, String idempotencyKey) {
        ConferenceEvent event = catalog.cached(eventCode);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 64)) {
            throw Refusal.invalid("Idempotency-Key", "must be 1 to 64 characters");
        }
        List<FieldProblem> problems = new ArrayList<>(ScheduleRules.check(event, request.sessionCodes()));
        if (!Category.PUBLIC.contains(request.category())) {
            problems.add(new FieldProblem("category", "PRESS".equals(request.category())
                    ? "journalists request a press accreditation instead" : "unknown category " + request.category()));
        }
        if (!COUNTRIES.contains(request.country())) {
            problems.add(new FieldProblem("country", "unknown country code " + request.country()));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        String keyId = idempotencyKey == null ? null : eventCode + "|" + idempotencyKey;
        String requestHash = hash(request);
        Instant now = clock.instant();
        if (!event.registrationOpen(now)) {
            // A retry of a registration accepted before the window closed still gets its answer.
            if (keyId != null) {
                var previous = registrations.byIdempotencyKey(keyId);
                if (previous.isPresent()) {
                    return replay(previous.get(), requestHash, event);
                }
            }
            throw Refusal.conflict("Registration for " + eventCode + " is closed");
        }
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        String id = Ids.random();
        Registration registration = Registration.start(id, eventCode, email, keyId, requestHash,
                new Participant(request.firstName().strip(), request.lastName().strip(), email, strip(request.organisation()),
                        request.country(), request.category()),
                request.language(), strip(request.dietaryRequirements()), strip(request.accessibilityNeeds()),
                Boolean.TRUE.equals(request.consents().photography()), request.sessionCodes(), checkInCodes.keyFor(id),
                now, now.plus(recoveryGrace));
        try {
            registrations.insert(registration, null);
        } catch (DuplicateKeyException e) {
            if (keyId != null) {
                var concurrent = registrations.byIdempotencyKey(keyId);
                if (concurrent.isPresent()) {
                    return replay(concurrent.get(), requestHash, event);
                }
            }
            throw Refusal.conflict("This email address is already registered for " + eventCode
                    + "; use the link in your confirmation email to see or cancel that registration");
        }
        return new Registered(seating.allocate(registration, event), false);
    }

    /**
     * The same key again: the first answer, or, when the first attempt was cut off before it had one, the
     * registration finished now (the pools' journal makes that give nothing twice).
     */
    private Registered replay(Registration previous, String requestHash, ConferenceEvent event) {
        if (!previous.requestHash().equals(requestHash)) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request body", List.of());
        }
        Registration settled = previous.outcome() != null ? previous : seating.allocate(previous, event);
        return new Registered(settled, true);
    }

    /** The registration behind a private link; unknown id and wrong token look the same (404). */
    public Registration find(String id, String token) {
        Registration registration = registrations.find(id).orElse(null);
        if (registration == null || !registration.acceptsToken(token)) {
            throw Refusal.notFound("No registration matches this link");
        }
        return registration;
    }

    /** Where a waiting participant stands now in each line ("" = the event's). */
    public java.util.Map<String, Integer> currentPositions(Registration registration) {
        return seating.currentPositions(registration);
    }

    /** Cancels (idempotently), frees the seats and gives them to the next people in line. */
    public Registration cancel(String id, String token) {
        Registration registration = find(id, token);
        while (registration.status() != RegistrationStatus.CANCELLED) {
            ConferenceEvent event = catalog.require(registration.eventCode());
            Registration.Change change = registration.cancel(event, clock.instant(), clock.instant().plus(recoveryGrace));
            var saved = registrations.save(registration, change);
            if (saved.isPresent()) {
                log.info("Registration {} cancelled", id);
                seating.freeSeats(saved.get(), event);
                return saved.get();
            }
            registration = registrations.find(id).orElseThrow();
        }
        return registration;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String hash(RegistrationRequest request) {
        return Fingerprint.of(request);
    }
}
