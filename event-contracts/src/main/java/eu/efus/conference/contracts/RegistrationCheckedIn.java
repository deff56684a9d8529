package eu.efus.conference.contracts;

import java.time.OffsetDateTime;

/**
 * A participant was admitted at the venue: at the event's desk ({@code session} null) or boarding one of its sessions
 * (a field visit's bus, a workshop's door). Published once per arrival, when it is first recorded; {@code checkedInAt}
 * is when the desk admitted them (a desk that was offline sends its check-ins later, with their own time), and
 * {@code checkedInBy} the staff account of that desk.
 */
public record RegistrationCheckedIn(
        String registrationId,
        String eventCode,
        String session,
        OffsetDateTime checkedInAt,
        String checkedInBy) {
}
