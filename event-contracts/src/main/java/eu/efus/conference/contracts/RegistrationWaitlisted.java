package eu.efus.conference.contracts;

import java.util.List;

/** The event was full: the participant is on its waiting list at {@code waitlistPosition}. */
public record RegistrationWaitlisted(
        String registrationId,
        EventSummary event,
        Participant participant,
        String language,
        int waitlistPosition,
        List<SessionSummary> sessions,
        String manageUrl) {
}
