package eu.efus.conference.accreditation.accreditation;

/** Where an accreditation request stands; APPROVED, REJECTED and WITHDRAWN are final. */
public enum AccreditationStatus {
    PENDING, NEEDS_INFO, APPROVED, REJECTED, WITHDRAWN;

    /** Whether a request in this state counts as the journalist's one active request for the event. */
    public boolean active() {
        return this == PENDING || this == NEEDS_INFO || this == APPROVED;
    }

    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }
}
