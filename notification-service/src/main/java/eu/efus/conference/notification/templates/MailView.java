package eu.efus.conference.notification.templates;

import java.util.List;

/**
 * What a mail template sees: everything already in the recipient's language, dates formatted in the event's time zone.
 * Templates escape it on output (HTML) or print it as is (plain text).
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
        boolean anyWaitlisted) {

    /** One session of the registration as it stands. */
    public record SessionLine(String title, String details, String when, String status, boolean confirmed) {
    }
}
