package eu.efus.conference.notification.templates;

import eu.efus.conference.contracts.AccreditationInfoRequested;
import eu.efus.conference.contracts.AccreditationRejected;
import eu.efus.conference.contracts.AccreditationRequested;
import eu.efus.conference.contracts.EventSummary;
import eu.efus.conference.contracts.Journalist;

/**
 * What the emails about a press accreditation request are made of (received, needs-info, rejected). The approval is not
 * one of them: it is the confirmation of the PRESS registration, a {@link RegistrationMail}. {@code privateUrl} carries
 * the journalist's secret token: it goes into the email and nowhere else (not into logs, not into the calendar).
 */
public record AccreditationMail(
        String accreditationId,
        EventSummary event,
        Journalist journalist,
        String language,
        String privateUrl,
        String coverageNotes,
        String question,
        String reason) implements MailData {

    static boolean accepts(Object data) {
        return data instanceof AccreditationRequested || data instanceof AccreditationInfoRequested
                || data instanceof AccreditationRejected;
    }

    public static AccreditationMail of(Object data) {
        if (data instanceof AccreditationRequested d) {
            return new AccreditationMail(d.accreditationId(), d.event(), d.journalist(), d.language(), d.privateUrl(),
                    d.coverageNotes(), null, null);
        }
        if (data instanceof AccreditationInfoRequested d) {
            return new AccreditationMail(d.accreditationId(), d.event(), d.journalist(), d.language(), d.privateUrl(),
                    null, d.question(), null);
        }
        if (data instanceof AccreditationRejected d) {
            // No link: the decision is final, there is nothing left to do through it.
            return new AccreditationMail(d.accreditationId(), d.event(), d.journalist(), d.language(), null, null, null,
                    d.reason());
        }
        throw new IllegalArgumentException("No accreditation email for " + data.getClass().getSimpleName());
    }

    @Override
    public String recipientName() {
        return journalist == null ? "" : RegistrationMail.fullName(journalist.firstName(), journalist.lastName());
    }
}
