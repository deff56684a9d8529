package eu.efus.conference.registration.registration;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.Participant;
import eu.efus.conference.kit.identity.ManageToken;
import eu.efus.conference.registration.capacity.Grant;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Instant createdAt,
        Instant updatedAt,
        Instant cancelledAt,
        String pendingWork,
        long version) {

    /**
     * The {@code ticket} value that means "holds a seat here" once a registration is cancelled or converted: what is
     * left to free is then read from the registration alone (a waiting ticket, a seat, or nothing when null).
     */
    static final long SEAT = 0L;

    /** One chosen session, where the participant stands in it, and their ticket while they wait for it. */
    public record SessionChoice(String code, SessionStatus status, Long ticket) {

        SessionChoice with(SessionStatus newStatus, Long newTicket) {
            return new SessionChoice(code, newStatus, newTicket);
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

    /** A registration whose seats are being given out. */
    static Registration start(String id, String eventCode, String email, String idempotencyKey, String requestHash,
            Participant participant, String language, String dietary, String accessibility, boolean photography,
            List<String> sessionCodes, Instant now, Instant recoverAfter) {
        return new Registration(id, eventCode, activeKey(eventCode, email), idempotencyKey, requestHash,
                RegistrationStatus.ALLOCATING, participant, language, dietary, accessibility, photography,
                sessionCodes.stream().map(c -> new SessionChoice(c, SessionStatus.PENDING, null)).toList(), null, null,
                List.of(), now, now, null, pendingWork(recoverAfter, id), 0);
    }

    /** A confirmed PRESS registration (an approved journalist holds no participant seat). */
    static Registration press(String id, String eventCode, String email, String accreditationKey, Participant journalist,
            String language, String tokenHash, Instant now) {
        return new Registration(id, eventCode, activeKey(eventCode, email), accreditationKey, "",
                RegistrationStatus.CONFIRMED, journalist, language, null, null, false, List.of(), null,
                new Outcome(RegistrationStatus.CONFIRMED.name(), null, List.of()), List.of(tokenHash), now, now, null, null, 0);
    }

    /**
     * Records what the pools gave: confirmed with the event seat (sessions confirmed or waiting), or waiting for the
     * event (sessions pending). {@code positions} are the current places in line of each ticket ("" = the event).
     */
    Change allocated(Grant eventGrant, Map<String, Grant> sessionGrants, Map<String, Integer> positions,
            ConferenceEvent event, String token, String manageUrl, Instant now) {
        requireStatus(RegistrationStatus.ALLOCATING);
        List<SessionChoice> choices = new ArrayList<>();
        List<SessionOutcome> outcomes = new ArrayList<>();
        for (SessionChoice choice : sessions) {
            Grant grant = sessionGrants.get(choice.code());
            if (!eventGrant.seat() || grant == null) {
                choices.add(choice.with(SessionStatus.PENDING, null));
                outcomes.add(new SessionOutcome(choice.code(), SessionStatus.PENDING.name(), null));
            } else {
                SessionStatus s = grant.seat() ? SessionStatus.CONFIRMED : SessionStatus.WAITLISTED;
                choices.add(choice.with(s, grant.seat() ? null : grant.ticket()));
                outcomes.add(new SessionOutcome(choice.code(), s.name(), positions.get(choice.code())));
            }
        }
        RegistrationStatus s = eventGrant.seat() ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
        Registration after = new Registration(id, eventCode, activeKey, idempotencyKey, requestHash, s, participant,
                language, dietaryRequirements, accessibilityNeeds, photographyConsent, choices,
                eventGrant.seat() ? null : eventGrant.ticket(),
                new Outcome(s.name(), positions.get(""), outcomes), List.of(ManageToken.hash(token)), createdAt, now, null,
                null, version);
        CloudEvent fact = eventGrant.seat()
                ? RegistrationEvents.confirmed(after, event, positions, manageUrl)
                : RegistrationEvents.waitlisted(after, event, positions.get(""), manageUrl);
        return new Change(after, List.of(fact));
    }

    /** Cancelled by the participant; the seats and places it held are freed afterwards ({@code pendingWork}). */
    Change cancel(ConferenceEvent event, Instant now, Instant recoverAfter) {
        if (status == RegistrationStatus.CANCELLED || status == RegistrationStatus.ALLOCATING) {
            throw new IllegalStateException("Registration " + id + " cannot be cancelled while " + status);
        }
        // What is held stays recorded (a ticket, or SEAT): freeing it after a crash needs nothing else.
        List<SessionChoice> cancelled = sessions.stream()
                .map(c -> new SessionChoice(c.code(), SessionStatus.CANCELLED, held(c.status(), c.ticket()))).toList();
        Long eventHeld = isPress() ? null : held(status == RegistrationStatus.CONFIRMED ? SessionStatus.CONFIRMED
                : SessionStatus.WAITLISTED, eventTicket);
        Registration after = new Registration(id, eventCode, null, idempotencyKey, requestHash, RegistrationStatus.CANCELLED,
                participant, language, dietaryRequirements, accessibilityNeeds, photographyConsent, cancelled, eventHeld,
                outcome, tokenHashes, createdAt, now, now, pendingWork(recoverAfter, id), version);
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
        return new Registration(id, eventCode, activeKey, idempotencyKey, requestHash, status, participant, language,
                dietaryRequirements, accessibilityNeeds, photographyConsent, sessions, eventTicket, outcome, tokenHashes,
                createdAt, now, cancelledAt, null, version);
    }

    /**
     * Someone waiting for the event got its seat; {@code sessionGrants} are what their sessions' pools gave them now.
     */
    Change promotedToEvent(Map<String, Grant> sessionGrants, Map<String, Integer> positions, ConferenceEvent event,
            String token, String manageUrl, Instant now) {
        requireStatus(RegistrationStatus.WAITLISTED);
        List<SessionChoice> choices = sessions.stream().map(c -> {
            Grant g = sessionGrants.get(c.code());
            return g == null ? c : c.with(g.seat() ? SessionStatus.CONFIRMED : SessionStatus.WAITLISTED,
                    g.seat() ? null : g.ticket());
        }).toList();
        Registration after = confirmedWith(choices, token, null, now);
        return new Change(after, List.of(RegistrationEvents.promoted(after, event, true, List.of(), positions, manageUrl)));
    }

    /** Someone waiting for a session got its seat. */
    Change promotedInSession(String sessionCode, Map<String, Integer> positions, ConferenceEvent event, String token,
            String manageUrl, Instant now) {
        requireStatus(RegistrationStatus.CONFIRMED);
        List<SessionChoice> choices = sessions.stream()
                .map(c -> c.code().equals(sessionCode) ? c.with(SessionStatus.CONFIRMED, null) : c).toList();
        Registration after = confirmedWith(choices, token, eventTicket, now);
        return new Change(after,
                List.of(RegistrationEvents.promoted(after, event, false, List.of(sessionCode), positions, manageUrl)));
    }

    /**
     * An approved journalist already registered as a participant becomes PRESS: confirmed without a participant seat
     * (given back afterwards, {@code pendingWork}), told once by the confirmation with a fresh link.
     */
    Change convertedToPress(ConferenceEvent event, Map<String, Integer> positions, String token, String manageUrl,
            Instant now, Instant recoverAfter) {
        Participant press = new Participant(participant.firstName(), participant.lastName(), participant.email(),
                participant.organisation(), participant.country(), Category.PRESS.name());
        List<String> hashes = new ArrayList<>(tokenHashes);
        hashes.add(ManageToken.hash(token));
        Registration after = new Registration(id, eventCode, activeKey, idempotencyKey, requestHash,
                RegistrationStatus.CONFIRMED, press, language, dietaryRequirements, accessibilityNeeds, photographyConsent,
                sessions, held(status == RegistrationStatus.CONFIRMED ? SessionStatus.CONFIRMED : SessionStatus.WAITLISTED,
                        eventTicket), outcome, hashes, createdAt, now, null, pendingWork(recoverAfter, id), version);
        return new Change(after, List.of(RegistrationEvents.confirmed(after, event, positions, manageUrl)));
    }

    private Registration confirmedWith(List<SessionChoice> choices, String token, Long ticket, Instant now) {
        // Tokens are only ever held as hashes, so a promotion email carries a new one; earlier links keep working.
        List<String> hashes = new ArrayList<>(tokenHashes);
        hashes.add(ManageToken.hash(token));
        return new Registration(id, eventCode, activeKey, idempotencyKey, requestHash, RegistrationStatus.CONFIRMED,
                participant, language, dietaryRequirements, accessibilityNeeds, photographyConsent, choices, ticket, outcome,
                hashes, createdAt, now, cancelledAt, pendingWork, version);
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
    public java.util.Optional<SessionChoice> session(String code) {
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
