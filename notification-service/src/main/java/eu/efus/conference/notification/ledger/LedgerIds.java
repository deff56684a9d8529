package eu.efus.conference.notification.ledger;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ledger entry ids: derived from what caused the email, so a replayed event maps onto the entry it already created. */
public final class LedgerIds {

    private LedgerIds() {
    }

    /** The id of the email {@code template} to {@code recipient} caused by the CloudEvent {@code eventId}. */
    public static String forEvent(String eventId, String template, String recipient) {
        String name = eventId + '\n' + template + '\n' + Ledger.recipientKey(recipient);
        return "n-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The id of the one email {@code template} to {@code recipient} about a registration or accreditation
     * ({@code aggregateId}), whichever event asked for it: for the emails that go out once per request
     * ({@link eu.efus.conference.notification.templates.MailTemplate#oncePerAggregate()}).
     */
    public static String forAggregate(String aggregateId, String template, String recipient) {
        String name = "aggregate\n" + aggregateId + '\n' + template + '\n' + Ledger.recipientKey(recipient);
        return "n-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The id of an entry nothing else can collide with (a resend asked for by staff). */
    public static String random() {
        return "n-" + UUID.randomUUID();
    }
}
