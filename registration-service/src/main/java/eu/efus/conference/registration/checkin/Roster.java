package eu.efus.conference.registration.checkin;

import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import eu.efus.conference.registration.registration.Registration;
import eu.efus.conference.registration.registration.RegistrationStatus;
import eu.efus.conference.registration.registration.Registrations;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What an offline desk downloads for one event: the programme and every registration it may be shown a code of,
 * cancelled and waiting ones included so that it can say why it refuses them. Each code is named by its key only (the
 * desk hashes what it scans the same way), so a lost desk device gives nobody a usable code.
 */
@Component
public class Roster {

    private static final EnumSet<RegistrationStatus> LISTED = EnumSet.of(RegistrationStatus.CONFIRMED,
            RegistrationStatus.WAITLISTED, RegistrationStatus.CANCELLED);

    private final EventCatalog catalog;
    private final Registrations registrations;
    private final CheckInCodes codes;
    private final Clock clock;

    public Roster(EventCatalog catalog, Registrations registrations, CheckInCodes codes, Clock clock) {
        this.catalog = catalog;
        this.registrations = registrations;
        this.codes = codes;
        this.clock = clock;
    }

    /** The roster of an event, people ordered by last name, first name (as a reader would), then id. */
    public CheckInViews.Roster of(String eventCode) {
        ConferenceEvent event = catalog.require(eventCode);
        ZoneId zone = event.zone();
        List<CheckInViews.RosterSession> sessions = event.sessions().stream().map(s -> new CheckInViews.RosterSession(
                s.code(), s.kind().name(), s.title(), s.startsAt(zone), s.capacity())).toList();
        List<CheckInViews.RosterAttendee> attendees = registrations.ofEvent(eventCode, LISTED).stream()
                .sorted(Registration.BY_NAME)
                .map(this::attendee).toList();
        return new CheckInViews.Roster(event.code(), utc(clock.instant()), sessions, attendees);
    }

    private CheckInViews.RosterAttendee attendee(Registration r) {
        // A registration stored before check-in codes existed may not have its key yet (CheckInKeyBackfill).
        String key = r.checkInKey() != null ? r.checkInKey() : codes.keyFor(r.id());
        return new CheckInViews.RosterAttendee(r.id(), key, r.status().name(), r.participant().firstName(),
                r.participant().lastName(), r.participant().organisation(), r.participant().country(),
                r.participant().category(), r.sessions().stream().map(c -> new CheckInViews.RosterAttendeeSession(c.code(),
                        c.status().name(), utc(c.checkedInAt()))).toList(), utc(r.checkedInAt()));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
