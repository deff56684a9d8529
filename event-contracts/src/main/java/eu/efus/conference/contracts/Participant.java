package eu.efus.conference.contracts;

/** The person a registration belongs to. */
public record Participant(
        String firstName,
        String lastName,
        String email,
        String organisation,
        String country,
        String category) {
}
