package eu.efus.conference.contracts;

import java.util.List;

/**
 * A participant holds a seat at the event; some sessions may still be on their waiting list. {@code checkInCode} is the
 * signed code the desk scans at the venue (printed as text and as a QR code in the email); it is not the manage token.
 */
public record RegistrationConfirmed(
        String registrationId,
        EventSummary event,
        Participant participant,
        String language,
        List<SessionSummary> sessions,
        String manageUrl,
        String checkInCode) {
}
