package eu.efus.conference.registration.catalog;

/** The kinds of session an event programme has. */
public enum SessionKind {
    PLENARY, WORKSHOP, FIELD_VISIT, WEBINAR
}
