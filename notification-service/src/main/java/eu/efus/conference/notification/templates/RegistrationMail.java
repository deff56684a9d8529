package eu.efus.conference.notification.templates;

import eu.efus.conference.contracts.EventSummary;
import eu.efus.conference.contracts.Participant;
import eu.efus.conference.contracts.RegistrationCancelled;
import eu.efus.conference.contracts.RegistrationConfirmed;
import eu.efus.conference.contracts.RegistrationPromoted;
import eu.efus.conference.contracts.RegistrationWaitlisted;
import eu.efus.conference.contracts.SessionSummary;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the registration emails are made of, whichever event caused them; also the press approval, which is the
 * confirmation of a registration of category PRESS.
 *
 * @param checkInCode the code the desk scans on arrival, as registration-service gave it ({@code XXXX-XXXX-XXXX-XXXX});
 *                    only the emails that confirm a seat carry one, and not those of older producers
 */
public record RegistrationMail(
        String registrationId,
        EventSummary event,
        Participant participant,
        String language,
        List<SessionSummary> sessions,
        String manageUrl,
        Integer waitlistPosition,
        boolean eventSeat,
        List<String> promotedSessions,
        String checkInCode) implements MailData {

    public RegistrationMail {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        promotedSessions = promotedSessions == null ? List.of() : List.copyOf(promotedSessions);
    }

    public static RegistrationMail of(Object data) {
        if (data instanceof RegistrationConfirmed d) {
            return new RegistrationMail(d.registrationId(), d.event(), d.participant(), d.language(), d.sessions(),
                    d.manageUrl(), null, true, List.of(), d.checkInCode());
        }
        if (data instanceof RegistrationWaitlisted d) {
            return new RegistrationMail(d.registrationId(), d.event(), d.participant(), d.language(), d.sessions(),
                    d.manageUrl(), d.waitlistPosition(), false, List.of(), null);
        }
        if (data instanceof RegistrationPromoted d) {
            return new RegistrationMail(d.registrationId(), d.event(), d.participant(), d.language(), d.sessions(),
                    d.manageUrl(), null, d.eventSeat(), d.promotedSessions(), d.checkInCode());
        }
        if (data instanceof RegistrationCancelled d) {
            return new RegistrationMail(d.registrationId(), d.event(), d.participant(), d.language(), d.sessions(),
                    null, null, false, List.of(), null);
        }
        throw new IllegalArgumentException("No email for " + data.getClass().getSimpleName());
    }

    @Override
    public String recipientName() {
        return fullName(participant);
    }

    /**
     * The check-in code the email shows (text and QR code), or {@code null}: none was given, or the event is a
     * webconference, where nobody arrives at a desk. Kept on one line, as it came otherwise (the grouping is the
     * producer's).
     */
    public String shownCheckInCode() {
        if (checkInCode == null || checkInCode.isBlank() || event == null || "WEBCONFERENCE".equals(event.kind())) {
            return null;
        }
        return MailRenderer.singleLine(checkInCode);
    }

    /** Whether the participant is an accredited journalist: registration-service gives them the category PRESS. */
    public static boolean isPress(Participant participant) {
        return participant != null && "PRESS".equalsIgnoreCase(participant.category());
    }

    /** "First Last", whichever parts are there. */
    public static String fullName(Participant participant) {
        return participant == null ? "" : fullName(participant.firstName(), participant.lastName());
    }

    /** "First Last", whichever parts are there. */
    public static String fullName(String firstName, String lastName) {
        return Stream.of(firstName, lastName).filter(Objects::nonNull).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }

    /** The recipient's language: French or English, English when the event says anything else. */
    public static String language(String language) {
        return "fr".equalsIgnoreCase(language) ? "fr" : "en";
    }
}
