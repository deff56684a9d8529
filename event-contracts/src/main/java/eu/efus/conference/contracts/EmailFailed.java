package eu.efus.conference.contracts;

/** An email of the delivery ledger was given up on after its attempts, or refused for good by the mail server. */
public record EmailFailed(
        String notificationId,
        String causationId,
        String template,
        String language,
        String recipient,
        int attempts,
        String error) {
}
