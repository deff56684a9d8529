package eu.efus.conference.contracts;

import java.time.OffsetDateTime;
import java.util.List;

/** An event as other services may keep a copy of it: what it is, when, its registration window and press quota. */
public record EventDetails(
        String code,
        String kind,
        LocalizedText title,
        String venue,
        String city,
        String country,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String timezone,
        List<String> languages,
        OffsetDateTime registrationOpensAt,
        OffsetDateTime registrationClosesAt,
        Integer pressQuota) {

    public EventSummary summary() {
        return new EventSummary(code, kind, title, venue, city, country, startsAt, endsAt, timezone);
    }
}
