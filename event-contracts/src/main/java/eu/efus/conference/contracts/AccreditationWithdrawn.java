package eu.efus.conference.contracts;

/** The journalist withdrew the request. */
public record AccreditationWithdrawn(
        String accreditationId,
        EventSummary event,
        Journalist journalist,
        String language) {
}
