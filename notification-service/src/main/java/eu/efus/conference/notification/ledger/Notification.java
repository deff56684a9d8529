package eu.efus.conference.notification.ledger;

import eu.efus.conference.kit.tracing.TraceHeaders;
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
 *
 * <p>{@code traceparent} and {@code tracestate} are the W3C trace context of the work that asked for the email (the
 * consumed event, or the staff member's resend request): the dispatcher sends it in that trace, so the email's logs and
 * its {@code email.sent}/{@code email.failed} event belong to the trace of the registration that caused it. Entries
 * written before they existed have none and are sent in a trace of their own.
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
        String requestedBy,
        String traceparent,
        String tracestate) {

    /** A new entry, due now. */
    public static Notification pending(String id, String template, String language, String recipient, String recipientName,
            Document model, String causationId, String registrationId, String accreditationId, String resendOf,
            String requestedBy, Instant now) {
        return new Notification(id, template, language, recipient, Ledger.recipientKey(recipient), recipientName, model,
                NotificationStatus.PENDING, 0, null, null, now, null, now, null, null, causationId, registrationId,
                accreditationId, resendOf, requestedBy, null, null);
    }

    /** This entry in the trace {@code trace} (in none for {@link TraceHeaders#NONE}). */
    public Notification inTrace(TraceHeaders trace) {
        return new Notification(id, template, language, recipient, recipientKey, recipientName, model, status, attempts,
                lastError, messageId, createdAt, sentAt, nextAttemptAt, leaseUntil, claim, causationId, registrationId,
                accreditationId, resendOf, requestedBy, trace.traceparent(), trace.tracestate());
    }

    /** The trace the email belongs to. */
    public TraceHeaders trace() {
        return traceparent == null ? TraceHeaders.NONE : new TraceHeaders(traceparent, tracestate);
    }

    /** This entry as a dispatcher holds it after claiming it: SENDING, with its claim token and lease. */
    public Notification claimed(String token, Instant until) {
        return new Notification(id, template, language, recipient, recipientKey, recipientName, model,
                NotificationStatus.SENDING, attempts, lastError, messageId, createdAt, sentAt, nextAttemptAt, until, token,
                causationId, registrationId, accreditationId, resendOf, requestedBy, traceparent, tracestate);
    }

    /** Bulk work (a resend asked for by staff) waits behind the emails somebody is waiting for. */
    public boolean urgent() {
        return resendOf == null;
    }
}
