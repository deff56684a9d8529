package eu.efus.conference.notification.templates;

import java.util.List;

/**
 * What a mail template sees: everything already in the recipient's language, dates formatted in the event's time zone.
 * Templates escape it on output (HTML) or print it as is (plain text). Texts somebody typed (coverage notes, the press
 * officer's question or reason) come line by line, so that the HTML keeps their line breaks as {@code <br>} between
 * escaped lines; a missing one is an empty list.
 *
 * @param manageUrl  the registration's manage link, when it is a web link
 * @param privateUrl the journalist's link to their accreditation request, when it is a web link
 * @param online     a webconference: no venue, no badge to collect
 * @param checkInCode the code to show at the desk, as text and as the QR image {@link #checkInImage()}; {@code null}
 *                    for no check-in section
 */
public record MailView(
        String subject,
        String name,
        String eventTitle,
        String eventWhen,
        String place,
        List<SessionLine> sessions,
        String manageUrl,
        Integer waitlistPosition,
        boolean eventSeat,
        List<String> promoted,
        boolean anyWaitlisted,
        boolean online,
        String privateUrl,
        String mediaOutlet,
        List<String> coverageNotes,
        List<String> question,
        List<String> reason,
        String checkInCode) {

    /** One session of the registration as it stands. */
    public record SessionLine(String title, String details, String when, String status, boolean confirmed) {
    }

    /** Where the HTML finds the QR image of the check-in code: the message's inline part of that Content-ID. */
    public String checkInImage() {
        return "cid:" + RenderedMail.CHECK_IN_IMAGE;
    }

    /** Whether the email carries a personal link (the footer asks not to forward it). */
    public boolean personalLink() {
        return manageUrl != null || privateUrl != null;
    }

    /** Whether any of the sessions is confirmed (and so in the calendar invite). */
    public boolean anyConfirmed() {
        return sessions.stream().anyMatch(SessionLine::confirmed);
    }
}
