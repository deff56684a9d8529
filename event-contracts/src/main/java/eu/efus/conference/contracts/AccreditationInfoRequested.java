package eu.efus.conference.contracts;

/** The press officer needs more information: {@code question} is asked through the journalist's private link. */
public record AccreditationInfoRequested(
        String accreditationId,
        EventSummary event,
        Journalist journalist,
        String language,
        String question,
        String decidedBy,
        String privateUrl) {
}
