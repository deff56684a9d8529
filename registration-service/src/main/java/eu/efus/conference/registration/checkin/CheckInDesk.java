package eu.efus.conference.registration.checkin;

import eu.efus.conference.kit.problem.Refusal;
import eu.efus.conference.registration.catalog.EventCatalog;
import eu.efus.conference.registration.registration.Registration;
import eu.efus.conference.registration.registration.Registrations;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Admits people at the venue from their check-in code. A scan costs one read of the {@code check_in_key} index and,
 * when it records something, one write guarded by the registration's version (read again and repeated if another
 * desk changed the registration first); a scan that records nothing new writes nothing. The programme is read (from
 * the catalogue's short-lived cache) only to tell a session the person did not choose from one the event does not
 * have.
 */
@Service
public class CheckInDesk {

    private static final Logger log = LoggerFactory.getLogger(CheckInDesk.class);
    /** How far ahead of this service's clock a desk's own clock may be. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    private static final int ATTEMPTS = 10;

    private final Registrations registrations;
    private final EventCatalog catalog;
    private final CheckInCodes codes;
    private final Clock clock;

    public CheckInDesk(Registrations registrations, EventCatalog catalog, CheckInCodes codes, Clock clock) {
        this.registrations = registrations;
        this.catalog = catalog;
        this.codes = codes;
        this.clock = clock;
    }

    /**
     * One scan's result: the registration as it now stands, and the admission the scan was about (to the event when
     * {@code session} is null): when it was first recorded, and whether it already was before this scan.
     */
    public record Admission(Registration registration, String session, Instant checkedInAt, boolean alreadyCheckedIn) {
    }

    /**
     * Admits the holder of {@code code} to the event, or to {@code session} when given, as {@code desk} (the staff
     * account), at {@code scannedAt} (ISO-8601 with offset) or now.
     */
    public Admission admit(String code, String session, String scannedAt, String desk) {
        if (code == null || code.isBlank()) {
            throw Refusal.invalid("code", "is required");
        }
        Instant now = clock.instant();
        Instant at = admittedAt(scannedAt, now);
        String sessionCode = session == null || session.isBlank() ? null : session.strip();
        String normalised = CheckInCodes.normalise(code);
        if (normalised == null) {
            throw Refusal.notFound("This is not a check-in code: it has 16 letters and digits, as XXXX-XXXX-XXXX-XXXX");
        }
        Registration registration = registrations.byCheckInKey(CheckInCodes.key(normalised))
                .filter(r -> codes.matches(r.id(), normalised))
                .orElseThrow(() -> Refusal.notFound("No registration has this check-in code"));
        if (sessionCode != null && registration.session(sessionCode).isEmpty()
                && catalog.cached(registration.eventCode()).session(sessionCode).isEmpty()) {
            throw Refusal.invalid("session", "no session " + sessionCode + " in event " + registration.eventCode());
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean already = registration.admittedAt(sessionCode) != null;
            Optional<Registration.Change> change = registration.checkIn(sessionCode, at, desk, now);
            if (change.isEmpty()) {
                return new Admission(registration, sessionCode, registration.admittedAt(sessionCode), true);
            }
            Optional<Registration> saved = registrations.save(registration, change.get());
            if (saved.isPresent()) {
                log.info("Registration {} checked in ({}{})", registration.id(),
                        sessionCode == null ? "event" : "session " + sessionCode, already ? ", earlier time" : "");
                return new Admission(saved.get(), sessionCode, saved.get().admittedAt(sessionCode), already);
            }
            registration = registrations.find(registration.id()).orElseThrow();
        }
        throw Refusal.conflict("This registration kept changing while it was being checked in; scan the code again");
    }

    /** When the desk admitted the person: {@code scannedAt}, or now when absent. */
    private static Instant admittedAt(String scannedAt, Instant now) {
        if (scannedAt == null || scannedAt.isBlank()) {
            return now;
        }
        Instant at;
        try {
            // Milliseconds, as stored: a time reported again compares equal to the recorded one.
            at = OffsetDateTime.parse(scannedAt.strip()).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeException e) {
            throw Refusal.invalid("scannedAt", "must be an ISO-8601 time with its offset, such as 2027-03-18T08:41:07Z");
        }
        if (at.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw Refusal.invalid("scannedAt", "is more than 5 minutes in the future");
        }
        return at;
    }
}
