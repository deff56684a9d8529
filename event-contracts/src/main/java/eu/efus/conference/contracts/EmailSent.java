package eu.efus.conference.contracts;

import java.time.OffsetDateTime;

/** The mail server accepted an email of the delivery ledger. */
public record EmailSent(
        String notificationId,
        String causationId,
        String template,
        String language,
        String recipient,
        String messageId,
        int attempts,
        OffsetDateTime sentAt) {
}
