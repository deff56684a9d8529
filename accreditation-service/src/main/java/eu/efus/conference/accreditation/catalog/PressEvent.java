package eu.efus.conference.accreditation.catalog;

import eu.efus.conference.contracts.EventDetails;
import eu.efus.conference.contracts.EventSummary;
import eu.efus.conference.contracts.LocalizedText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's copy of an event, kept from registration-service's event-created/updated facts: what journalists can
 * ask accreditation for, when, and how many may be approved. {@code sourceTime} is the time of the fact it was copied
 * from, so a late redelivery of an older fact cannot overwrite a newer copy.
 */
@Document(PressEvent.COLLECTION)
public record PressEvent(
        @Id String code,
        String kind,
        LocalizedText title,
        String venue,
        String city,
        String country,
        Instant startsAt,
        Instant endsAt,
        String timezone,
        List<String> languages,
        Instant registrationOpensAt,
        Instant registrationClosesAt,
        Integer pressQuota,
        Instant sourceTime,
        Instant copiedAt) {

    public static final String COLLECTION = "events";

    /** The copy of {@code details}, as published at {@code sourceTime}. */
    public static PressEvent of(EventDetails details, Instant sourceTime, Instant copiedAt) {
        if (details == null || details.code() == null || details.code().isBlank() || details.startsAt() == null
                || details.endsAt() == null || details.timezone() == null) {
            throw new IllegalArgumentException("An event fact needs code, startsAt, endsAt and timezone");
        }
        ZoneId.of(details.timezone()); // refuse an unusable zone now rather than when an email is built
        return new PressEvent(details.code(), details.kind(), details.title(), details.venue(), details.city(),
                details.country(), details.startsAt().toInstant(), details.endsAt().toInstant(), details.timezone(),
                details.languages() == null ? List.of() : List.copyOf(details.languages()),
                details.registrationOpensAt() == null ? null : details.registrationOpensAt().toInstant(),
                details.registrationClosesAt() == null ? null : details.registrationClosesAt().toInstant(),
                details.pressQuota(), sourceTime, copiedAt);
    }

    /**
     * Open for accreditation requests at {@code now}: the same rule as registrations (inside the registration window,
     * whose ends may be open, and before the event ends).
     */
    public boolean requestsOpen(Instant now) {
        return (registrationOpensAt == null || !now.isBefore(registrationOpensAt))
                && (registrationClosesAt == null || now.isBefore(registrationClosesAt))
                && now.isBefore(endsAt);
    }

    /** What emails and calendar invites need, in the event's own time zone. */
    public EventSummary summary() {
        ZoneId zone = ZoneId.of(timezone);
        return new EventSummary(code, kind, title, venue, city, country, startsAt.atZone(zone).toOffsetDateTime(),
                endsAt.atZone(zone).toOffsetDateTime(), timezone);
    }
}
