package eu.efus.conference.registration.catalog;

import eu.efus.conference.contracts.EventSummary;
import eu.efus.conference.contracts.LocalizedText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An event with its programme, as stored; times are instants, shown in the event's own time zone. */
@Document("events")
public record ConferenceEvent(
        @Id String code,
        EventKind kind,
        LocalizedText title,
        String venue,
        String city,
        String country,
        Instant startsAt,
        Instant endsAt,
        String timezone,
        List<String> languages,
        Integer capacity,
        Instant registrationOpensAt,
        Instant registrationClosesAt,
        Integer pressQuota,
        List<Session> sessions,
        Instant createdAt,
        Instant updatedAt) {

    /** One session of the programme. */
    public record Session(String code, SessionKind kind, LocalizedText title, Instant startsAt, Instant endsAt,
            String language, Integer capacity) {

        public OffsetDateTime startsAt(ZoneId zone) {
            return startsAt.atZone(zone).toOffsetDateTime();
        }

        public OffsetDateTime endsAt(ZoneId zone) {
            return endsAt.atZone(zone).toOffsetDateTime();
        }

        /** Whether two sessions overlap in time (touching ends do not). */
        public boolean overlaps(Session other) {
            return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public Optional<Session> session(String sessionCode) {
        return sessions.stream().filter(s -> s.code().equals(sessionCode)).findFirst();
    }

    /** Open for registration at {@code now}: inside the window and before the event ends. */
    public boolean registrationOpen(Instant now) {
        return (registrationOpensAt == null || !now.isBefore(registrationOpensAt))
                && (registrationClosesAt == null || now.isBefore(registrationClosesAt))
                && now.isBefore(endsAt);
    }

    public EventSummary summary() {
        ZoneId zone = zone();
        return new EventSummary(code, kind.name(), title, venue, city, country, startsAt.atZone(zone).toOffsetDateTime(),
                endsAt.atZone(zone).toOffsetDateTime(), timezone);
    }
}
