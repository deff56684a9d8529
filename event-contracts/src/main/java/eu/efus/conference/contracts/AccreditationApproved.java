package eu.efus.conference.contracts;

/** The press officer approved: the journalist becomes a confirmed attendee of category PRESS. */
public record AccreditationApproved(
        String accreditationId,
        EventSummary event,
        Journalist journalist,
        String language,
        String decidedBy) {
}
