package eu.efus.conference.notification.templates;

import eu.efus.conference.contracts.EventSummary;

/**
 * What an email is rendered from, read back from the ledger's stored model: a registration (the four registration emails
 * and the press approval, which is the confirmation of a PRESS registration) or a press accreditation request.
 */
public sealed interface MailData permits RegistrationMail, AccreditationMail {

    EventSummary event();

    /** The recipient's language as the event gave it; see {@link RegistrationMail#language(String)}. */
    String language();

    /** "First Last" of the recipient. */
    String recipientName();

    /** The data of one event, as the record its template reads. */
    static MailData of(Object data) {
        return AccreditationMail.accepts(data) ? AccreditationMail.of(data) : RegistrationMail.of(data);
    }
}
