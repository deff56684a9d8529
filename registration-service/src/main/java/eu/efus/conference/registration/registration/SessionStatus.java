package eu.efus.conference.registration.registration;

/** Where a participant stands in one chosen session. PENDING: waiting for an event seat before asking for this one. */
public enum SessionStatus {
    PENDING, CONFIRMED, WAITLISTED, CANCELLED
}
