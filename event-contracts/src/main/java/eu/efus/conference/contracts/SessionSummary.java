package eu.efus.conference.contracts;

import java.time.OffsetDateTime;

/**
 * One session of a registration as it stands: {@code status} is CONFIRMED, WAITLISTED (with the position),
 * PENDING (waiting for a seat at the event itself) or CANCELLED.
 */
public record SessionSummary(
        String code,
        String kind,
        LocalizedText title,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String language,
        String status,
        Integer waitlistPosition) {
}
