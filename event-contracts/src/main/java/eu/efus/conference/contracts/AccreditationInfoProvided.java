package eu.efus.conference.contracts;

/** The journalist answered the press officer's question; the request is pending again. */
public record AccreditationInfoProvided(
        String accreditationId,
        String eventCode,
        String answer) {
}
