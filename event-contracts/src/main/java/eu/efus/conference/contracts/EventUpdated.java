package eu.efus.conference.contracts;

/** An organiser changed an event; the data is its complete new state. */
public record EventUpdated(EventDetails event) {
}
