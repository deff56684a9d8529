package eu.efus.conference.contracts;

/** The press officer refused, for the reason given to the journalist. */
public record AccreditationRejected(
        String accreditationId,
        EventSummary event,
        Journalist journalist,
        String language,
        String reason,
        String decidedBy) {
}
