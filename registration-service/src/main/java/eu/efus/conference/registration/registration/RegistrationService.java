package eu.efus.conference.registration.registration;

import eu.efus.conference.kit.identity.ManageToken;
import eu.efus.conference.kit.identity.Ids;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.Participant;
import eu.efus.conference.kit.ServiceKitProperties;
import eu.efus.conference.kit.outbox.Outbox;
import eu.efus.conference.kit.outbox.OutboxRelay;
import eu.efus.conference.kit.problem.ApiException;
import eu.efus.conference.kit.problem.FieldProblem;
import eu.efus.conference.registration.capacity.Allocation;
import eu.efus.conference.registration.capacity.SeatKey;
import eu.efus.conference.registration.capacity.SeatLedger;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Registers participants, shows and cancels their registrations, and moves waiting people up when seats free.
 * Each step is a single-document atomic update (seats in the seat ledger, state + events in the registration), and
 * each step can be repeated safely, which is what makes recovery after a crash possible without transactions.
 */
@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final MongoTemplate mongo;
    private final EventCatalog catalog;
    private final SeatLedger seats;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String publicBaseUrl;

    public RegistrationService(MongoTemplate mongo, EventCatalog catalog, SeatLedger seats, OutboxRelay relay, Clock clock,
            ServiceKitProperties properties) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.seats = seats;
        this.relay = relay;
        this.clock = clock;
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    /** The answer to a registration: whether it was created now or replayed for the same Idempotency-Key. */
    public record Registered(Registration registration, boolean replayed) {
    }

    public Registered register(String eventCode, RegistrationRequest request, String idempotencyKey) {
        ConferenceEvent event = catalog.require(eventCode);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 64)) {
            throw ApiException.invalid("Idempotency-Key", "must be 1 to 64 characters");
        }
        List<FieldProblem> problems = new ArrayList<>(ScheduleRules.check(event, request.sessionCodes()));
        if (!Category.PUBLIC.contains(request.category())) {
            problems.add(new FieldProblem("category", "PRESS".equals(request.category())
                    ? "journalists request a press accreditation instead" : "unknown category " + request.category()));
        }
        if (!Set.of(Locale.getISOCountries()).contains(request.country())) {
            problems.add(new FieldProblem("country", "unknown country code " + request.country()));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String keyId = idempotencyKey == null ? null : eventCode + "|" + idempotencyKey;
        String requestHash = hash(request);
        if (keyId != null) {
            Registration previous = mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(keyId)), Registration.class);
            if (previous != null) {
                return replay(previous, requestHash);
            }
        }
        if (!event.registrationOpen(clock.instant())) {
            throw ApiException.conflict("Registration for " + eventCode + " is closed");
        }
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        List<Registration.SessionChoice> choices = request.sessionCodes().stream()
                .map(code -> new Registration.SessionChoice(code, "PENDING")).toList();
        Registration registration = new Registration(Ids.random(), eventCode, Registration.activeKey(eventCode, email), keyId,
                requestHash, RegistrationStatus.ALLOCATING,
                new Participant(request.firstName().strip(), request.lastName().strip(), email, strip(request.organisation()),
                        request.country(), request.category()),
                request.language(), strip(request.dietaryRequirements()), strip(request.accessibilityNeeds()),
                Boolean.TRUE.equals(request.consents().photography()), choices, null, List.of(), now, now, null, 0);
        String token = ManageToken.generate();
        try {
            mongo.insert(registration);
        } catch (DuplicateKeyException e) {
            if (keyId != null) {
                Registration concurrent = mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(keyId)), Registration.class);
                if (concurrent != null) {
                    return replay(concurrent, requestHash);
                }
            }
            throw ApiException.conflict("This email address is already registered for " + eventCode
                    + "; use the link in your confirmation email to see or cancel that registration");
        }
        return new Registered(allocate(registration, event, token), false);
    }

    private Registered replay(Registration previous, String requestHash) {
        if (!previous.requestHash().equals(requestHash)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request body");
        }
        Registration settled = previous.outcome() != null ? previous : awaitOutcome(previous.id());
        return new Registered(settled, true);
    }

    private Registration awaitOutcome(String id) {
        // The first request with this key is still giving out seats: its answer is only moments away.
        for (int i = 0; i < 50; i++) {
            Registration current = mongo.findById(id, Registration.class);
            if (current != null && current.outcome() != null) {
                return current;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ApiException(HttpStatus.CONFLICT, "Request in progress",
                "The first request with this Idempotency-Key is still being processed; retry in a moment");
    }

    /**
     * Gives out the event seat, then the session seats, then records the outcome and its event in one update. Repeating
     * it for the same registration takes nothing twice; {@code token} is the manage token the email will carry.
     */
    Registration allocate(Registration registration, ConferenceEvent event, String token) {
        Allocation eventSeat = seats.take(SeatKey.event(event.code()), event.capacity(), registration.id());
        List<Registration.SessionChoice> choices = new ArrayList<>();
        List<Registration.SessionOutcome> outcomes = new ArrayList<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (Registration.SessionChoice choice : registration.sessions()) {
            if (!eventSeat.confirmed()) {
                choices.add(new Registration.SessionChoice(choice.code(), "PENDING"));
                outcomes.add(new Registration.SessionOutcome(choice.code(), "PENDING", null));
                continue;
            }
            Integer capacity = event.session(choice.code()).map(ConferenceEvent.Session::capacity).orElse(0);
            Allocation seat = seats.take(SeatKey.session(event.code(), choice.code()), capacity, registration.id());
            String status = seat.confirmed() ? "CONFIRMED" : "WAITLISTED";
            choices.add(new Registration.SessionChoice(choice.code(), status));
            outcomes.add(new Registration.SessionOutcome(choice.code(), status, seat.waitlistPosition()));
            if (seat.waitlistPosition() != null) {
                positions.put(choice.code(), seat.waitlistPosition());
            }
        }
        RegistrationStatus status = eventSeat.confirmed() ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
        Registration.Outcome outcome = new Registration.Outcome(status.name(), outcomes);
        Registration decided = new Registration(registration.id(), registration.eventCode(), registration.activeKey(),
                registration.idempotencyKey(), registration.requestHash(), status, registration.participant(),
                registration.language(), registration.dietaryRequirements(), registration.accessibilityNeeds(),
                registration.photographyConsent(), choices, outcome, List.of(ManageToken.hash(token)), registration.createdAt(),
                clock.instant(), null, registration.version() + 1);
        CloudEvent fact = eventSeat.confirmed()
                ? RegistrationEvents.confirmed(decided, event, positions, manageUrl(decided.id(), token))
                : RegistrationEvents.waitlisted(decided, event, eventSeat.waitlistPosition(), manageUrl(decided.id(), token));
        Update update = new Update().set("status", status).set("sessions", choices).set("outcome", outcome)
                .set("tokenHashes", decided.tokenHashes()).set("updatedAt", decided.updatedAt()).inc("version", 1);
        Outbox.append(update, fact);
        boolean recorded = mongo.updateFirst(Query.query(Criteria.where("_id").is(registration.id())
                .and("status").is(RegistrationStatus.ALLOCATING)), update, Registration.class).getModifiedCount() == 1;
        if (!recorded) {
            // Finished concurrently (the recovery sweep): its outcome and email stand.
            return mongo.findById(registration.id(), Registration.class);
        }
        relay.wake();
        log.info("Registration {} for {}: {}", decided.id(), event.code(), status);
        return decided;
    }

    /** The registration behind a private link; unknown id and wrong token look the same (404). */
    public Registration find(String id, String token) {
        Registration registration = id == null ? null : mongo.findById(id, Registration.class);
        if (registration == null || !registration.acceptsToken(token)) {
            throw ApiException.notFound("No registration matches this link");
        }
        return registration;
    }

    /** Where a waiting participant stands now in each pool they wait for. */
    public Map<String, Integer> currentPositions(Registration registration) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        if (registration.status() == RegistrationStatus.WAITLISTED) {
            seats.current(SeatKey.event(registration.eventCode()), registration.id())
                    .map(Allocation::waitlistPosition).ifPresent(p -> positions.put("", p));
        }
        for (Registration.SessionChoice choice : registration.sessions()) {
            if ("WAITLISTED".equals(choice.status())) {
                seats.current(SeatKey.session(registration.eventCode(), choice.code()), registration.id())
                        .map(Allocation::waitlistPosition).ifPresent(p -> positions.put(choice.code(), p));
            }
        }
        return positions;
    }

    /** Cancels (idempotently), frees the seats and gives them to the next people in line. */
    public Registration cancel(String id, String token) {
        Registration registration = find(id, token);
        while (registration.status() != RegistrationStatus.CANCELLED) {
            ConferenceEvent event = catalog.require(registration.eventCode());
            List<Registration.SessionChoice> cancelled = registration.sessions().stream()
                    .map(c -> new Registration.SessionChoice(c.code(), "CANCELLED")).toList();
            Registration after = new Registration(registration.id(), registration.eventCode(), null,
                    registration.idempotencyKey(), registration.requestHash(), RegistrationStatus.CANCELLED,
                    registration.participant(), registration.language(), registration.dietaryRequirements(),
                    registration.accessibilityNeeds(), registration.photographyConsent(), cancelled, registration.outcome(),
                    registration.tokenHashes(), registration.createdAt(), clock.instant(), clock.instant(),
                    registration.version() + 1);
            Update update = new Update().set("status", RegistrationStatus.CANCELLED).unset("activeKey")
                    .set("sessions", cancelled).set("cancelledAt", after.cancelledAt()).set("updatedAt", after.updatedAt())
                    .inc("version", 1);
            Outbox.append(update, RegistrationEvents.cancelled(after, event));
            if (updateIfUnchanged(registration, update)) {
                relay.wake();
                log.info("Registration {} cancelled", id);
                releaseAndPromote(after, event);
                return after;
            }
            registration = mongo.findById(id, Registration.class);
        }
        return registration;
    }

    /** Frees every seat and waiting place of a cancelled registration and fills the freed seats from the lines. */
    void releaseAndPromote(Registration registration, ConferenceEvent event) {
        SeatKey eventKey = SeatKey.event(event.code());
        seats.release(eventKey, registration.id());
        for (Registration.SessionChoice choice : registration.sessions()) {
            seats.release(SeatKey.session(event.code(), choice.code()), registration.id());
        }
        promoteWaiting(event);
    }

    /** Fills every free seat of an event and its sessions from the waiting lists, and tells each promoted person. */
    public void promoteWaiting(ConferenceEvent event) {
        for (String promoted : seats.fillFreeSeats(SeatKey.event(event.code()), event.capacity())) {
            applyEventSeat(promoted, event);
        }
        for (ConferenceEvent.Session session : event.sessions()) {
            for (String promoted : seats.fillFreeSeats(SeatKey.session(event.code(), session.code()), session.capacity())) {
                applySessionSeat(promoted, event, session.code());
            }
        }
    }

    /** Someone waiting for the event got a seat: they now ask for their sessions' seats too. */
    void applyEventSeat(String registrationId, ConferenceEvent event) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Registration r = mongo.findById(registrationId, Registration.class);
            if (r == null || r.status() != RegistrationStatus.WAITLISTED) {
                return; // cancelled meanwhile (its own cancellation frees the seat again) or already applied
            }
            List<Registration.SessionChoice> choices = new ArrayList<>();
            Map<String, Integer> positions = new LinkedHashMap<>();
            for (Registration.SessionChoice choice : r.sessions()) {
                Integer capacity = event.session(choice.code()).map(ConferenceEvent.Session::capacity).orElse(0);
                Allocation seat = seats.take(SeatKey.session(event.code(), choice.code()), capacity, r.id());
                choices.add(new Registration.SessionChoice(choice.code(), seat.confirmed() ? "CONFIRMED" : "WAITLISTED"));
                if (seat.waitlistPosition() != null) {
                    positions.put(choice.code(), seat.waitlistPosition());
                }
            }
            if (applyPromotion(r, event, choices, true, List.of(), positions)) {
                return;
            }
        }
        log.warn("Promotion of {} to an event seat kept conflicting; the reconciliation will finish it", registrationId);
    }

    /** Someone waiting for a session got its seat. */
    void applySessionSeat(String registrationId, ConferenceEvent event, String sessionCode) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Registration r = mongo.findById(registrationId, Registration.class);
            if (r == null || r.status() != RegistrationStatus.CONFIRMED || r.sessions().stream()
                    .noneMatch(c -> c.code().equals(sessionCode) && "WAITLISTED".equals(c.status()))) {
                return;
            }
            List<Registration.SessionChoice> choices = r.sessions().stream()
                    .map(c -> c.code().equals(sessionCode) ? new Registration.SessionChoice(c.code(), "CONFIRMED") : c)
                    .toList();
            if (applyPromotion(r, event, choices, false, List.of(sessionCode), currentPositions(r))) {
                return;
            }
        }
        log.warn("Promotion of {} for {} kept conflicting; the reconciliation will finish it", registrationId, sessionCode);
    }

    private boolean applyPromotion(Registration r, ConferenceEvent event, List<Registration.SessionChoice> choices,
            boolean eventSeat, List<String> promotedSessions, Map<String, Integer> positions) {
        // Tokens are only ever held as hashes, so the promotion email carries a new one; earlier links keep working.
        String token = ManageToken.generate();
        List<String> hashes = new ArrayList<>(r.tokenHashes());
        hashes.add(ManageToken.hash(token));
        Registration after = new Registration(r.id(), r.eventCode(), r.activeKey(), r.idempotencyKey(), r.requestHash(),
                RegistrationStatus.CONFIRMED, r.participant(), r.language(), r.dietaryRequirements(), r.accessibilityNeeds(),
                r.photographyConsent(), choices, r.outcome(), hashes, r.createdAt(), clock.instant(), null,
                r.version() + 1);
        Update update = new Update().set("status", RegistrationStatus.CONFIRMED).set("sessions", choices)
                .set("tokenHashes", hashes).set("updatedAt", after.updatedAt()).inc("version", 1);
        Outbox.append(update, RegistrationEvents.promoted(after, event, eventSeat, promotedSessions, positions,
                manageUrl(r.id(), token)));
        if (updateIfUnchanged(r, update)) {
            relay.wake();
            log.info("Registration {} promoted ({})", r.id(), eventSeat ? "event seat" : String.join(",", promotedSessions));
            return true;
        }
        return false;
    }

    /**
     * An approved journalist who had already registered as a participant: the registration becomes a PRESS one, its
     * participant seat goes to the next person waiting, and the approval email (with a fresh link) goes out.
     */
    public void convertToPress(String activeKey, ConferenceEvent event) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Registration r = mongo.findOne(Query.query(Criteria.where("activeKey").is(activeKey)), Registration.class);
            if (r == null) {
                throw new IllegalStateException("No active registration to convert for " + event.code());
            }
            if (Category.PRESS.name().equals(r.participant().category())) {
                return;
            }
            String token = ManageToken.generate();
            List<String> hashes = new ArrayList<>(r.tokenHashes());
            hashes.add(ManageToken.hash(token));
            Participant press = new Participant(r.participant().firstName(), r.participant().lastName(),
                    r.participant().email(), r.participant().organisation(), r.participant().country(), Category.PRESS.name());
            Registration after = new Registration(r.id(), r.eventCode(), r.activeKey(), r.idempotencyKey(), r.requestHash(),
                    RegistrationStatus.CONFIRMED, press, r.language(), r.dietaryRequirements(), r.accessibilityNeeds(),
                    r.photographyConsent(), r.sessions(), r.outcome(), hashes, r.createdAt(), clock.instant(), null,
                    r.version() + 1);
            Update update = new Update().set("participant", press).set("status", RegistrationStatus.CONFIRMED)
                    .set("tokenHashes", hashes).set("updatedAt", after.updatedAt()).inc("version", 1);
            Outbox.append(update, RegistrationEvents.confirmed(after, event, currentPositions(r), manageUrl(r.id(), token)));
            if (updateIfUnchanged(r, update)) {
                relay.wake();
                log.info("Registration {} converted to PRESS", r.id());
                seats.release(SeatKey.event(event.code()), r.id());
                promoteWaiting(event);
                return;
            }
        }
        throw new IllegalStateException("Converting a registration to PRESS kept conflicting; the event will be retried");
    }

    /** Finishes registrations whose seat allocation was interrupted (a crash between the steps). */
    public void recoverInterrupted(Instant olderThan) {
        List<Registration> stuck = mongo.find(Query.query(Criteria.where("status").is(RegistrationStatus.ALLOCATING)
                .and("createdAt").lt(olderThan)), Registration.class);
        for (Registration registration : stuck) {
            log.warn("Finishing interrupted registration {}", registration.id());
            // The original token never reached anyone (no email was sent yet): a new one goes with the confirmation.
            allocate(registration, catalog.require(registration.eventCode()), ManageToken.generate());
        }
    }

    /**
     * Repairs what an interruption between two steps can leave: a seat given to someone whose registration does not
     * show it yet, or a seat still held by a cancelled registration.
     */
    public void reconcile(ConferenceEvent event) {
        reconcilePool(SeatKey.event(event.code()), event, null);
        for (ConferenceEvent.Session session : event.sessions()) {
            reconcilePool(SeatKey.session(event.code(), session.code()), event, session.code());
        }
        promoteWaiting(event);
    }

    private void reconcilePool(SeatKey key, ConferenceEvent event, String sessionCode) {
        List<String> holders = seats.holders(key);
        if (holders.isEmpty()) {
            return;
        }
        for (Registration r : mongo.find(Query.query(Criteria.where("_id").in(holders)), Registration.class)) {
            if (r.status() == RegistrationStatus.CANCELLED) {
                seats.release(key, r.id());
            } else if (sessionCode == null && r.status() == RegistrationStatus.WAITLISTED) {
                applyEventSeat(r.id(), event);
            } else if (sessionCode != null && r.sessions().stream()
                    .anyMatch(c -> c.code().equals(sessionCode) && "WAITLISTED".equals(c.status()))) {
                applySessionSeat(r.id(), event, sessionCode);
            }
        }
    }

    private boolean updateIfUnchanged(Registration registration, Update update) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(registration.id()).and("version")
                .is(registration.version())), update, Registration.class).getModifiedCount() == 1;
    }

    String manageUrl(String id, String token) {
        return ManageToken.link(publicBaseUrl, "manage", id, token);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String hash(RegistrationRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
