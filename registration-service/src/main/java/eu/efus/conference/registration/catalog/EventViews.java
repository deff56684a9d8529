package eu.efus.conference.registration.catalog;

import eu.efus.conference.contracts.LocalizedText;
import java.time.OffsetDateTime;
import java.util.List;

/** The public shapes of events (API.md), never the stored document. */
public final class EventViews {

    private EventViews() {
    }

    /** An entry of {@code GET /api/events}. */
    public record EventListItem(String code, String kind, LocalizedText title, String city, String country,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String timezone, List<String> languages,
            boolean registrationOpen, Integer capacity, Integer seatsLeft) {
    }

    /** {@code GET /api/events/{code}}: the event with its programme and what is left of each session. */
    public record EventDetail(String code, String kind, LocalizedText title, String venue, String city, String country,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String timezone, List<String> languages,
            boolean registrationOpen, OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt,
            Integer capacity, Integer seatsLeft, int waitlistLength, Integer pressQuota, List<SessionView> sessions) {
    }

    /** A session with its seats left ({@code null} when unlimited) and its waiting list length. */
    public record SessionView(String code, String kind, LocalizedText title, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String language, Integer capacity, Integer seatsLeft, int waitlistLength) {
    }
}
