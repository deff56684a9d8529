package eu.efus.conference.contracts;

import java.time.OffsetDateTime;

/** What an email or a calendar invite needs to know about a conference or webconference. */
public record EventSummary(
        String code,
        String kind,
        LocalizedText title,
        String venue,
        String city,
        String country,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String timezone) {
}
