package eu.efus.conference.contracts;

/** An organiser created an event. */
public record EventCreated(EventDetails event) {
}
