package eu.efus.conference.registration.registration;

import eu.efus.conference.kit.ServiceKitProperties;
import eu.efus.conference.kit.identity.ManageToken;
import eu.efus.conference.registration.capacity.Grant;
import eu.efus.conference.registration.capacity.JournalSettler;
import eu.efus.conference.registration.capacity.SeatKey;
import eu.efus.conference.registration.capacity.SeatLedger;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import eu.efus.conference.registration.checkin.CheckInCodes;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Moves registrations through the seat pools: gives seats out, frees them, and promotes the people waiting. Every
 * step is safe to repeat (the pools journal their counter changes, the registration is written under its version), so
 * the same methods finish work a crash interrupted.
 */
@Component
public class Seating {

    private static final Logger log = LoggerFactory.getLogger(Seating.class);
    private static final int ATTEMPTS = 10;

    private final Registrations registrations;
    private final SeatLedger seats;
    private final JournalSettler settler;
    private final Executor background;
    private final Clock clock;
    private final CheckInCodes checkInCodes;
    private final String publicBaseUrl;

    public Seating(Registrations registrations, SeatLedger seats, JournalSettler settler,
            @Qualifier("seatingExecutor") Executor background, Clock clock, CheckInCodes checkInCodes,
            ServiceKitProperties properties) {
        this.registrations = registrations;
        this.seats = seats;
        this.settler = settler;
        this.background = background;
        this.clock = clock;
        this.checkInCodes = checkInCodes;
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    /**
     * Gives out the event seat, then the session seats, then records the outcome and its fact in one write: one round
     * trip per pool plus that write when seats are free. Repeating it for the same registration takes nothing twice.
     */
    public Registration allocate(Registration registration, ConferenceEvent event) {
        SeatKey eventKey = SeatKey.event(event.code());
        Grant eventGrant = grant(eventKey, event.capacity(), registration.id());
        Map<String, Grant> sessionGrants = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        if (eventGrant.seat()) {
            for (Registration.SessionChoice choice : registration.sessions()) {
                SeatKey key = SeatKey.session(event.code(), choice.code());
                Grant g = grant(key, capacityOf(event, choice.code()), registration.id());
                sessionGrants.put(choice.code(), g);
                if (!g.seat()) {
                    positions.put(choice.code(), positionOf(key, g));
                }
            }
        } else {
            positions.put("", positionOf(eventKey, eventGrant));
        }
        String token = ManageToken.generate();
        Registration.Change change = registration.allocated(eventGrant, sessionGrants, positions, event, token,
                manageUrl(registration.id(), token), checkInCodes.codeFor(registration.id()), clock.instant());
        Optional<Registration> saved = registrations.save(registration, change);
        if (saved.isEmpty()) {
            // Finished concurrently (a retry with the same key, or the recovery): that outcome and its email stand.
            return registrations.find(registration.id()).orElseThrow();
        }
        settler.settled(eventKey, "a:" + registration.id());
        sessionGrants.keySet().forEach(code -> settler.settled(SeatKey.session(event.code(), code), "a:" + registration.id()));
        if (!eventGrant.seat() || sessionGrants.values().stream().anyMatch(g -> !g.seat())) {
            // A seat may have been freed while this person was joining the line, with nobody yet to take it.
            background.execute(() -> promoteWaiting(event));
        }
        log.info("Registration {} for {}: {}", registration.id(), event.code(), change.after().status());
        return saved.get();
    }

    private Integer positionOf(SeatKey key, Grant grant) {
        return grant.position() != null ? grant.position() : seats.position(key, grant.ticket()).orElse(null);
    }

    /** The pool's grant for this registration: taken now, or found in the journal when an earlier attempt took it. */
    private Grant grant(SeatKey key, Integer capacity, String registrationId) {
        return seats.take(key, capacity, registrationId).or(() -> seats.journaled(key, registrationId))
                .orElseThrow(() -> new IllegalStateException("No grant and no journal entry in " + key.id()));
    }

    /** A session's own limit; {@code null} (unlimited) stays unlimited. */
    static Integer capacityOf(ConferenceEvent event, String sessionCode) {
        return event.session(sessionCode)
                .orElseThrow(() -> new IllegalStateException("No session " + sessionCode + " in " + event.code()))
                .capacity();
    }

    /**
     * Frees what a cancelled (or converted) registration held, clears its pending work, then fills the freed seats.
     * Repeatable: releases are journaled, leaving a line is deleting a ticket.
     */
    public void freeSeats(Registration registration, ConferenceEvent event) {
        String id = registration.id();
        if (registration.status() == RegistrationStatus.CANCELLED) {
            free(SeatKey.event(event.code()), registration.eventTicket(), "r", id);
            for (Registration.SessionChoice choice : registration.sessions()) {
                free(SeatKey.session(event.code(), choice.code()), choice.ticket(), "r", id);
            }
        } else if (registration.isPress()) {
            // Converted to PRESS: the participant seat goes back (journaled apart from a later cancellation's).
            free(SeatKey.event(event.code()), registration.eventTicket(), "x", id);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (registration.pendingWork() == null || registrations.save(registration, registration.workDone(clock.instant()))
                    .isPresent()) {
                break;
            }
            registration = registrations.find(id).orElseThrow();
        }
        settler.settled(SeatKey.event(event.code()), "r:" + id);
        settler.settled(SeatKey.event(event.code()), "x:" + id);
        settler.settled(SeatKey.event(event.code()), "l:" + id);
        registration.sessions().forEach(c -> {
            settler.settled(SeatKey.session(event.code(), c.code()), "r:" + id);
            settler.settled(SeatKey.session(event.code(), c.code()), "l:" + id);
        });
        promoteWaiting(event);
    }

    private void free(SeatKey key, Long held, String kind, String registrationId) {
        if (held == null) {
            return;
        }
        if (held == Registration.SEAT) {
            seats.releaseSeat(key, kind, registrationId);
        } else {
            seats.leave(key, held, registrationId);
        }
    }

    /** A changed programme (a raised capacity, say) lets the people waiting in at once. */
    @org.springframework.context.event.EventListener
    public void onProgrammeChanged(EventCatalog.ProgrammeChanged changed) {
        promoteWaiting(changed.event());
    }

    /** Fills every free seat of an event and its sessions from the waiting lists, telling each promoted person. */
    public void promoteWaiting(ConferenceEvent event) {
        promote(event, SeatKey.event(event.code()), event.capacity());
        for (ConferenceEvent.Session session : event.sessions()) {
            promote(event, SeatKey.session(event.code(), session.code()), session.capacity());
        }
    }

    private void promote(ConferenceEvent event, SeatKey key, Integer capacity) {
        while (true) {
            List<SeatLedger.Waiting> line = seats.head(key, 10);
            boolean promoted = false;
            for (SeatLedger.Waiting waiting : line) {
                if (seats.grantToWaiting(key, capacity, waiting.registrationId())) {
                    if (!applyPromotion(event, key, waiting.registrationId())) {
                        return;
                    }
                    promoted = true;
                    break;
                }
                SeatLedger.Counts counts = seats.counts(key);
                if (capacity != null && counts.taken() >= capacity) {
                    return; // no free seat
                }
                // Not full: this person's promotion is already under way elsewhere; the next one may take a seat.
            }
            if (!promoted) {
                return;
            }
        }
    }

    /**
     * Records a promotion the pool granted ({@code p:<id>} in its journal): the registration shows the seat and the
     * promoted person is emailed, or, when they left meanwhile, the seat goes back. Repeatable. Returns false when the
     * line must not move now: its head is still joining it (its own allocation promotes once it has recorded the place).
     */
    boolean applyPromotion(ConferenceEvent event, SeatKey key, String registrationId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Registration r = registrations.find(registrationId).orElse(null);
            if (r == null || r.status() == RegistrationStatus.ALLOCATING) {
                seats.undoPromotion(key, registrationId);
                // Settled at once: the same person may be promoted again as soon as their place is recorded.
                seats.settle(key, List.of("p:" + registrationId, "u:" + registrationId));
                return false;
            }
            Long ticket = key.isEvent() ? r.eventTicket() : r.session(key.sessionCode()).map(Registration.SessionChoice::ticket)
                    .orElse(null);
            boolean waiting = key.isEvent() ? r.status() == RegistrationStatus.WAITLISTED
                    : r.status() == RegistrationStatus.CONFIRMED && r.session(key.sessionCode())
                            .map(c -> c.status() == SessionStatus.WAITLISTED).orElse(false);
            boolean alreadyApplied = key.isEvent()
                    ? r.status() == RegistrationStatus.CONFIRMED && !r.isPress()
                    : r.session(key.sessionCode()).map(c -> c.status() == SessionStatus.CONFIRMED).orElse(false);
            if (alreadyApplied) {
                break;
            }
            if (!waiting) {
                // Left the line (cancelled) while the seat was being given: the seat goes back. Their ticket is
                // removed by their own cancellation's freeing (before or after this), which counts them out once.
                seats.undoPromotion(key, registrationId);
                settler.settled(key, "u:" + registrationId);
                break;
            }
            String token = ManageToken.generate();
            Registration.Change change;
            if (key.isEvent()) {
                Map<String, Grant> grants = new LinkedHashMap<>();
                Map<String, Integer> positions = new LinkedHashMap<>();
                for (Registration.SessionChoice choice : r.sessions()) {
                    SeatKey sessionKey = SeatKey.session(event.code(), choice.code());
                    Grant g = grant(sessionKey, capacityOf(event, choice.code()), r.id());
                    grants.put(choice.code(), g);
                    if (!g.seat()) {
                        positions.put(choice.code(), positionOf(sessionKey, g));
                    }
                }
                change = r.promotedToEvent(grants, positions, event, token, manageUrl(r.id(), token),
                        checkInCodes.codeFor(r.id()), clock.instant());
            } else {
                change = r.promotedInSession(key.sessionCode(), currentPositions(r), event, token, manageUrl(r.id(), token),
                        checkInCodes.codeFor(r.id()), clock.instant());
            }
            if (registrations.save(r, change).isPresent()) {
                seats.removeTicket(key, ticket);
                if (key.isEvent()) {
                    r.sessions().forEach(c -> settler.settled(SeatKey.session(event.code(), c.code()), "a:" + r.id()));
                }
                log.info("Registration {} promoted ({})", r.id(), key.isEvent() ? "event seat" : key.sessionCode());
                break;
            }
        }
        settler.settled(key, "p:" + registrationId);
        return true;
    }

    /** Where a waiting participant stands now in each line they are in ("" = the event's). */
    public Map<String, Integer> currentPositions(Registration registration) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        if (registration.status() == RegistrationStatus.WAITLISTED && registration.eventTicket() != null) {
            seats.position(SeatKey.event(registration.eventCode()), registration.eventTicket())
                    .ifPresent(p -> positions.put("", p));
        }
        for (Registration.SessionChoice choice : registration.sessions()) {
            if (choice.status() == SessionStatus.WAITLISTED && choice.ticket() != null) {
                seats.position(SeatKey.session(registration.eventCode(), choice.code()), choice.ticket())
                        .ifPresent(p -> positions.put(choice.code(), p));
            }
        }
        return positions;
    }

    String manageUrl(String id, String token) {
        return ManageToken.link(publicBaseUrl, "manage", id, token);
    }
}
