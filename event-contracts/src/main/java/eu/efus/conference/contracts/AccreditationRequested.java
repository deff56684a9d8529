package eu.efus.conference.contracts;

/** A journalist asked for press accreditation; {@code privateUrl} is their own link to follow it (carries a secret). */
public record AccreditationRequested(
        String accreditationId,
        EventSummary event,
        Journalist journalist,
        String language,
        String coverageNotes,
        String privateUrl) {
}
