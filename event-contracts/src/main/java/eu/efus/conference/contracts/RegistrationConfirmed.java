package eu.efus.conference.contracts;

import java.util.List;

/** A participant holds a seat at the event; some sessions may still be on their waiting list. */
public record RegistrationConfirmed(
        String registrationId,
        EventSummary event,
        Participant participant,
        String language,
        List<SessionSummary> sessions,
        String manageUrl) {
}
