package eu.efus.conference.contracts;

import java.util.List;

/**
 * A freed seat went to this participant: {@code eventSeat} when they left the event's waiting list,
 * {@code promotedSessions} for the sessions whose waiting list they left. {@code sessions} is the full picture after it.
 * {@code checkInCode}: the registration's check-in code, as in {@link RegistrationConfirmed}.
 */
public record RegistrationPromoted(
        String registrationId,
        EventSummary event,
        Participant participant,
        String language,
        boolean eventSeat,
        List<String> promotedSessions,
        List<SessionSummary> sessions,
        String manageUrl,
        String checkInCode) {
}
