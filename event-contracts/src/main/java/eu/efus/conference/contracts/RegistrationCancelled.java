package eu.efus.conference.contracts;

import java.util.List;

/** The participant cancelled; the seats they held are freed. */
public record RegistrationCancelled(
        String registrationId,
        EventSummary event,
        Participant participant,
        String language,
        List<SessionSummary> sessions) {
}
