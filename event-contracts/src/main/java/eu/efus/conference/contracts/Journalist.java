package eu.efus.conference.contracts;

/** The person behind a press accreditation request. */
public record Journalist(
        String firstName,
        String lastName,
        String email,
        String mediaOutlet,
        String mediaType,
        String country,
        String pressCardNumber) {
}
