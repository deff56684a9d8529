package eu.efus.conference.notification.ledger;

/** Where one email of the ledger stands. */
public enum NotificationStatus {
    /** Waiting to be sent, from {@code nextAttemptAt}. */
    PENDING,
    /** Claimed by a dispatcher until {@code leaseUntil}; claimable again after that (the dispatcher died). */
    SENDING,
    /** Accepted by the mail server. */
    SENT,
    /** Refused for good, or given up on after the last attempt. */
    FAILED
}
