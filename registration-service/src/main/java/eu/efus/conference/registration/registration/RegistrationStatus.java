package eu.efus.conference.registration.registration;

/** Where a registration stands. ALLOCATING only lasts while seats are being given out (or until recovery). */
public enum RegistrationStatus {
    ALLOCATING, CONFIRMED, WAITLISTED, CANCELLED
}
