package eu.efus.conference.registration.catalog;

/** What an event is: an in-person conference or an online webconference. */
public enum EventKind {
    CONFERENCE, WEBCONFERENCE
}
