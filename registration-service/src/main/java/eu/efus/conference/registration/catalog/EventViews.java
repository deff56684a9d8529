package eu.efus.conference.registration.catalog;

import eu.efus.conference.contracts.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** The public shapes of events (API.md), never the stored document. */
public final class EventViews {

    private EventViews() {
    }

    /** An entry of {@code GET /api/events}. */
    @Schema(name = "EventSummary")
    public record EventListItem(String code, @Schema(allowableValues = {"CONFERENCE", "WEBCONFERENCE"}) String kind,
            LocalizedText title, String city, String country,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String timezone, List<String> languages,
            boolean registrationOpen, @Schema(description = "null: unlimited") Integer capacity,
            @Schema(description = "null: unlimited") Integer seatsLeft) {
    }

    /** {@code GET /api/events/{code}}: the event with its programme and what is left of each session. */
    @Schema(name = "Event")
    public record EventDetail(String code, @Schema(allowableValues = {"CONFERENCE", "WEBCONFERENCE"}) String kind,
            LocalizedText title, String venue, String city, String country,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String timezone, List<String> languages,
            boolean registrationOpen, OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt,
            @Schema(description = "null: unlimited") Integer capacity, @Schema(description = "null: unlimited") Integer seatsLeft,
            int waitlistLength, @Schema(description = "Accredited journalists allowed; null: no limit") Integer pressQuota,
            List<SessionView> sessions) {
    }

    /** A session with its seats left ({@code null} when unlimited) and its waiting list length. */
    @Schema(name = "Session")
    public record SessionView(String code,
            @Schema(allowableValues = {"PLENARY", "WORKSHOP", "FIELD_VISIT", "WEBINAR"}) String kind, LocalizedText title,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String language,
            @Schema(description = "null: unlimited") Integer capacity, @Schema(description = "null: unlimited") Integer seatsLeft,
            int waitlistLength) {
    }
}
