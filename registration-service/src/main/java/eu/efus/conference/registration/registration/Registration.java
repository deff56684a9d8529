package eu.efus.conference.registration.registration;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.Participant;
import eu.efus.conference.kit.identity.ManageToken;
import eu.efus.conference.kit.problem.Refusal;
import eu.efus.conference.registration.capacity.Grant;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's registration to one event: the aggregate. Each transition returns the new state and the facts it
 * causes ({@link Change}); {@link Registrations} writes both in one update guarded by {@code version}.
 *
 * <p>{@code activeKey} ("event|email") exists only while the registration is active and carries a unique index: that
 * is how a second active registration is refused. {@code tokenHashes} holds the hash of every manage token emailed for
 * it (each email carries its own token; all stay valid). {@code pendingWork} is set while seats may still have to be
 * given or freed for it ({@code epoch-millis:id}, unique sparse index): what the recovery looks for after a crash.
 *
 * <p>{@code checkInKey} is the lookup key of the registration's check-in code (see {@code CheckInCodes}; unique sparse
 * index), set at creation and never changed: the desk finds the registration from a scanned code with one indexed
 * read. {@code checkedInAt} and {@code checkedInBy} record the arrival at the event (the earliest admission, and the
 * desk account that made it); each session choice records its own boarding time.
 */
@Document("registrations")
public record Registration(
        @Id String id,
        String eventCode,
        String activeKey,
        String idempotencyKey,
        String requestHash,
        RegistrationStatus status,
        Participant participant,
        String language,
        String dietaryRequirements,
        String accessibilityNeeds,
        boolean photographyConsent,
        List<SessionChoice> sessions,
        Long eventTicket,
        Outcome outcome,
        List<String> tokenHashes,
        String checkInKey,
        Instant createdAt,
        Instant updatedAt,
        Instant cancelledAt,
        Instant checkedInAt,
        String checkedInBy,
        String pendingWork,
        long version) {

    /**
     * The order in which people are listed (the desk's roster) and printed (badges): last name, first name, by a
     * root-locale collator so that "Ödön" files with the O's and case does not split names, then id.
     */
    public static final Comparator<Registration> BY_NAME = byName();

    private static Comparator<Registration> byName() {
        Comparator<Object> names = Comparator.nullsLast(Collator.getInstance(Locale.ROOT));
        return Comparator.comparing((Registration r) -> r.participant().lastName(), names)
                .thenComparing(r -> r.participant().firstName(), names)
                .thenComparing(Registration::id);
    }

    /**
     * The {@code ticket} value that means "holds a seat here" once a registration is cancelled or converted: what is
     * left to free is then read from the registration alone (a waiting ticket, a seat, or nothing when null).
     */
    static final long SEAT = 0L;

    /**
     * One chosen session, where the participant stands in it, their ticket while they wait for it, and when they were
     * admitted to it (boarding a field visit's bus, entering a workshop), null until then.
     */
    public record SessionChoice(String code, SessionStatus status, Long ticket, Instant checkedInAt) {

        SessionChoice with(SessionStatus newStatus, Long newTicket) {
            return new SessionChoice(code, newStatus, newTicket, checkedInAt);
        }

        SessionChoice boarded(Instant at) {
            return new SessionChoice(code, status, ticket, at);
        }
    }

    /** What the creating request was answered, replayed as-is for the same Idempotency-Key. */
    public record Outcome(String status, Integer waitlistPosition, List<SessionOutcome> sessions) {
    }

    /** A session in the creation answer. */
    public record SessionOutcome(String code, String status, Integer waitlistPosition) {
    }

    /** A new state and the facts it causes, written together. */
    public record Change(Registration after, List<CloudEvent> facts) {
    }

    /** A registration whose seats are being given out; {@code checkInKey} is the key of its check-in code. */
    static Registration start(String id, String eventCode, String email, String idempotencyKey, String requestHash,
            Participant participant, String language, String dietary, String accessibility, boolean photography,
            List<String> sessionCodes, String checkInKey, Instant now, Instant recoverAfter) {
        return new Registration(id, eventCode, activeKey(eventCode, email), idempotencyKey, requestHash,
                RegistrationStatus.ALLOCATING, participant, language, dietary, accessibility, photography,
                sessionCodes.stream().map(c -> new SessionChoice(c, SessionStatus.PENDING, null, null)).toList(), null,
                null, List.of(), checkInKey, now, now, null, null, null, pendingWork(recoverAfter, id), 0);
    }

    /** A confirmed PRESS registration (an approved journalist holds no participant seat). */
    static Registration press(String id, String eventCode, String email, String accreditationKey, Participant journalist,
            String language, String tokenHash, String checkInKey, Instant now) {
        return new Registration(id, eventCode, activeKey(eventCode, email), accreditationKey, "",
                RegistrationStatus.CONFIRMED, journalist, language, null, null, false, List.of(), null,
                new Outcome(RegistrationStatus.CONFIRMED.name(), null, List.of()), List.of(tokenHash), checkInKey, now, now,
                null, null, null, null, 0);
    }

    /**
     * Records what the pools gave: confirmed with the event seat (sessions confirmed or waiting), or waiting for the
     * event (sessions pending). {@code positions} are the places in line of each ticket ("" = the event).
     */
    Change allocated(Grant eventGrant, Map<String, Grant> sessionGrants, Map<String, Integer> positions,
            ConferenceEvent event, String token, String manageUrl, String checkInCode, Instant now) {
        requireStatus(RegistrationStatus.ALLOCATING);
        Edit next = edit(now);
        List<SessionOutcome> outcomes = new ArrayList<>();
        next.sessions = new ArrayList<>();
        for (SessionChoice choice : sessions) {
            Grant grant = sessionGrants.get(choice.code());
            SessionStatus s = !eventGrant.seat() || grant == null ? SessionStatus.PENDING
                    : grant.seat() ? SessionStatus.CONFIRMED : SessionStatus.WAITLISTED;
            next.sessions.add(choice.with(s, s == SessionStatus.WAITLISTED ? grant.ticket() : null));
            outcomes.add(new SessionOutcome(choice.code(), s.name(), s == SessionStatus.WAITLISTED ? positions.get(choice.code())
                    : null));
        }
        next.status = eventGrant.seat() ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
        next.eventTicket = eventGrant.seat() ? null : eventGrant.ticket();
        next.outcome = new Outcome(next.status.name(), positions.get(""), outcomes);
        next.tokenHashes = List.of(ManageToken.hash(token));
        next.pendingWork = null;
        Registration after = next.done();
        return new Change(after, List.of(eventGrant.seat()
                ? RegistrationEvents.confirmed(after, event, positions, manageUrl, checkInCode)
                : RegistrationEvents.waitlisted(after, event, positions.get(""), manageUrl)));
    }

    /** Cancelled by the participant; the seats and places it held are freed afterwards ({@code pendingWork}). */
    Change cancel(ConferenceEvent event, Instant now, Instant recoverAfter) {
        if (status == RegistrationStatus.CANCELLED || status == RegistrationStatus.ALLOCATING) {
            throw new IllegalStateException("Registration " + id + " cannot be cancelled while " + status);
        }
        Edit next = edit(now);
        // What is held stays recorded (a ticket, or SEAT): freeing it after a crash needs nothing else.
        next.sessions = sessions.stream().map(c -> c.with(SessionStatus.CANCELLED, held(c.status(), c.ticket()))).toList();
        next.eventTicket = isPress() ? null : held(status == RegistrationStatus.CONFIRMED ? SessionStatus.CONFIRMED
                : SessionStatus.WAITLISTED, eventTicket);
        next.status = RegistrationStatus.CANCELLED;
        next.activeKey = null;
        next.cancelledAt = now;
        next.pendingWork = pendingWork(recoverAfter, id);
        Registration after = next.done();
        return new Change(after, List.of(RegistrationEvents.cancelled(after, event)));
    }

    private static Long held(SessionStatus status, Long ticket) {
        return switch (status) {
            case CONFIRMED -> SEAT;
            case WAITLISTED -> ticket;
            case PENDING, CANCELLED -> null;
        };
    }

    /** Seats and places freed after a cancellation or conversion: nothing left to do. */
    Registration workDone(Instant now) {
        Edit next = edit(now);
        next.pendingWork = null;
        return next.done();
    }

    /**
     * Someone waiting for the event got its seat; {@code sessionGrants} are what their sessions' pools gave them now.
     */
    Change promotedToEvent(Map<String, Grant> sessionGrants, Map<String, Integer> positions, ConferenceEvent event,
            String token, String manageUrl, String checkInCode, Instant now) {
        requireStatus(RegistrationStatus.WAITLISTED);
        Edit next = confirmedWithNewToken(token, now);
        next.sessions = sessions.stream().map(c -> {
            Grant g = sessionGrants.get(c.code());
            return g == null ? c : c.with(g.seat() ? SessionStatus.CONFIRMED : SessionStatus.WAITLISTED,
                    g.seat() ? null : g.ticket());
        }).toList();
        next.eventTicket = null;
        Registration after = next.done();
        return new Change(after, List.of(RegistrationEvents.promoted(after, event, true, List.of(), positions, manageUrl,
                checkInCode)));
    }

    /** Someone waiting for a session got its seat. */
    Change promotedInSession(String sessionCode, Map<String, Integer> positions, ConferenceEvent event, String token,
            String manageUrl, String checkInCode, Instant now) {
        requireStatus(RegistrationStatus.CONFIRMED);
        Edit next = confirmedWithNewToken(token, now);
        next.sessions = sessions.stream()
                .map(c -> c.code().equals(sessionCode) ? c.with(SessionStatus.CONFIRMED, null) : c).toList();
        Registration after = next.done();
        return new Change(after,
                List.of(RegistrationEvents.promoted(after, event, false, List.of(sessionCode), positions, manageUrl,
                        checkInCode)));
    }

    /**
     * An approved journalist already registered as a participant becomes PRESS: confirmed without a participant seat
     * (given back afterwards, {@code pendingWork}), told once by the confirmation with a fresh link.
     */
    Change convertedToPress(ConferenceEvent event, Map<String, Integer> positions, String token, String manageUrl,
            String checkInCode, Instant now, Instant recoverAfter) {
        Edit next = confirmedWithNewToken(token, now);
        next.participant = new Participant(participant.firstName(), participant.lastName(), participant.email(),
                participant.organisation(), participant.country(), Category.PRESS.name());
        next.eventTicket = held(status == RegistrationStatus.CONFIRMED ? SessionStatus.CONFIRMED : SessionStatus.WAITLISTED,
                eventTicket);
        next.pendingWork = pendingWork(recoverAfter, id);
        Registration after = next.done();
        return new Change(after, List.of(RegistrationEvents.confirmed(after, event, positions, manageUrl, checkInCode)));
    }

    /**
     * The person was admitted at the venue by the desk account {@code by} at {@code at}: at the event's desk
     * ({@code sessionCode} null), or boarding a session they hold a seat in, which also records the arrival at the
     * event when none is recorded yet. Each admission recorded for the first time is one
     * {@code registration.checked-in} fact. One already recorded is not told again: a desk that was offline may report
     * an earlier time, which then becomes the recorded one (the earliest admission is the arrival); a later or equal
     * time changes nothing, and the answer is empty: there is nothing to write.
     *
     * @throws Refusal (conflict) for a cancelled registration, one without an event seat (waiting list, or still being
     *                 given its seats), or a session the person did not choose or holds no seat in
     */
    public Optional<Change> checkIn(String sessionCode, Instant at, String by, Instant now) {
        if (status != RegistrationStatus.CONFIRMED) {
            throw Refusal.conflict(switch (status) {
                case CANCELLED -> "This registration was cancelled";
                case WAITLISTED -> "This person is on the waiting list of the event and holds no seat";
                default -> "This registration is still being recorded; scan the code again";
            });
        }
        SessionChoice boarding = null;
        if (sessionCode != null) {
            boarding = session(sessionCode).orElseThrow(() -> Refusal.conflict("This person did not choose session "
                    + sessionCode));
            if (boarding.status() != SessionStatus.CONFIRMED) {
                throw Refusal.conflict(boarding.status() == SessionStatus.CANCELLED
                        ? "This person holds no seat in session " + sessionCode
                        : "This person is on the waiting list of session " + sessionCode + " and holds no seat in it");
            }
        }
        List<CloudEvent> facts = new ArrayList<>();
        Edit next = edit(now);
        boolean changed = false;
        if (checkedInAt == null || at.isBefore(checkedInAt)) {
            if (checkedInAt == null) {
                facts.add(RegistrationEvents.checkedIn(this, null, at, by));
            }
            next.checkedInAt = at;
            next.checkedInBy = by;
            changed = true;
        }
        if (boarding != null && (boarding.checkedInAt() == null || at.isBefore(boarding.checkedInAt()))) {
            if (boarding.checkedInAt() == null) {
                facts.add(RegistrationEvents.checkedIn(this, sessionCode, at, by));
            }
            next.sessions = sessions.stream().map(c -> c.code().equals(sessionCode) ? c.boarded(at) : c).toList();
            changed = true;
        }
        return changed ? Optional.of(new Change(next.done(), List.copyOf(facts))) : Optional.empty();
    }

    /** When the admission to the event ({@code sessionCode} null) or to one of its sessions was recorded; null if not. */
    public Instant admittedAt(String sessionCode) {
        return sessionCode == null ? checkedInAt : session(sessionCode).map(SessionChoice::checkedInAt).orElse(null);
    }

    /** Tokens are only ever held as hashes, so each email that confirms carries a new one; earlier links keep working. */
    private Edit confirmedWithNewToken(String token, Instant now) {
        Edit next = edit(now);
        next.status = RegistrationStatus.CONFIRMED;
        next.tokenHashes = new ArrayList<>(tokenHashes);
        next.tokenHashes.add(ManageToken.hash(token));
        return next;
    }

    /** This state as stored under {@code newVersion}. */
    Registration withVersion(long newVersion) {
        return new Registration(id, eventCode, activeKey, idempotencyKey, requestHash, status, participant, language,
                dietaryRequirements, accessibilityNeeds, photographyConsent, sessions, eventTicket, outcome, tokenHashes,
                checkInKey, createdAt, updatedAt, cancelledAt, checkedInAt, checkedInBy, pendingWork, newVersion);
    }

    private Edit edit(Instant now) {
        return new Edit(this, now);
    }

    /** The changeable part of a registration while one transition builds its next state. */
    private static final class Edit {
        private final Registration from;
        private final Instant now;
        String activeKey;
        RegistrationStatus status;
        Participant participant;
        List<SessionChoice> sessions;
        Long eventTicket;
        Outcome outcome;
        List<String> tokenHashes;
        Instant cancelledAt;
        Instant checkedInAt;
        String checkedInBy;
        String pendingWork;

        Edit(Registration from, Instant now) {
            this.from = from;
            this.now = now;
            activeKey = from.activeKey;
            status = from.status;
            participant = from.participant;
            sessions = from.sessions;
            eventTicket = from.eventTicket;
            outcome = from.outcome;
            tokenHashes = from.tokenHashes;
            cancelledAt = from.cancelledAt;
            checkedInAt = from.checkedInAt;
            checkedInBy = from.checkedInBy;
            pendingWork = from.pendingWork;
        }

        Registration done() {
            return new Registration(from.id, from.eventCode, activeKey, from.idempotencyKey, from.requestHash, status,
                    participant, from.language, from.dietaryRequirements, from.accessibilityNeeds, from.photographyConsent,
                    List.copyOf(sessions), eventTicket, outcome, List.copyOf(tokenHashes), from.checkInKey, from.createdAt,
                    now, cancelledAt, checkedInAt, checkedInBy, pendingWork, from.version);
        }
    }

    private void requireStatus(RegistrationStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("Registration " + id + " is " + status + ", not " + expected);
        }
    }

    public boolean isPress() {
        return Category.PRESS.name().equals(participant.category());
    }

    /** The session choice for {@code code}, if chosen. */
    public Optional<SessionChoice> session(String code) {
        return sessions.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Whether {@code token} is one of the manage tokens emailed for this registration. */
    public boolean acceptsToken(String token) {
        return ManageToken.matchesAny(token, tokenHashes);
    }

    public static String activeKey(String eventCode, String email) {
        return eventCode + "|" + email;
    }

    /** A {@code pendingWork} value: when the recovery may look at the registration, unique per registration. */
    static String pendingWork(Instant recoverAfter, String id) {
        return String.format("%013d:%s", recoverAfter.toEpochMilli(), id);
    }

    /** The time part of a {@code pendingWork} value. */
    static Instant pendingSince(String pendingWork) {
        return Instant.ofEpochMilli(Long.parseLong(pendingWork.substring(0, pendingWork.indexOf(':'))));
    }
}
