package eu.efus.conference.notification.ledger;

import java.time.Instant;
import org.bson.Document;

/**
 * One email of the delivery ledger (collection {@value Ledger#COLLECTION}): what to send to whom, rendered from
 * {@code model} (the data of the causing event, kept so that the email can be rendered again on resend), and how its
 * delivery went. The outbox fields the kit adds ({@code pendingEvents}…) are not mapped here.
 *
 * <p>{@code registrationId} is the registration an email is about (the registration emails, and the press approval,
 * which confirms the PRESS registration); {@code accreditationId} the press accreditation request (received,
 * needs-info, rejected). Entries written before accreditations existed have no {@code accreditationId}.
 */
public record Notification(
        String id,
        String template,
        String language,
        String recipient,
        String recipientKey,
        String recipientName,
        Document model,
        NotificationStatus status,
        int attempts,
        String lastError,
        String messageId,
        Instant createdAt,
        Instant sentAt,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String claim,
        String causationId,
        String registrationId,
        String accreditationId,
        String resendOf,
        String requestedBy) {

    /** A new entry, due now. */
    public static Notification pending(String id, String template, String language, String recipient, String recipientName,
            Document model, String causationId, String registrationId, String accreditationId, String resendOf,
            String requestedBy, Instant now) {
        return new Notification(id, template, language, recipient, Ledger.recipientKey(recipient), recipientName, model,
                NotificationStatus.PENDING, 0, null, null, now, null, now, null, null, causationId, registrationId,
                accreditationId, resendOf, requestedBy);
    }

    /** This entry as a dispatcher holds it after claiming it: SENDING, with its claim token and lease. */
    public Notification claimed(String token, Instant until) {
        return new Notification(id, template, language, recipient, recipientKey, recipientName, model,
                NotificationStatus.SENDING, attempts, lastError, messageId, createdAt, sentAt, nextAttemptAt, until, token,
                causationId, registrationId, accreditationId, resendOf, requestedBy);
    }

    /** Bulk work (a resend asked for by staff) waits behind the emails somebody is waiting for. */
    public boolean urgent() {
        return resendOf == null;
    }
}
