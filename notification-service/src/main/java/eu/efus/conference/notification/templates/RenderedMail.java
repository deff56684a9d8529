package eu.efus.conference.notification.templates;

/**
 * A rendered email: one-line subject, plain-text body and HTML body; {@code checkInCode} when the email shows a
 * check-in code, whose QR image the HTML expects as the inline part {@link #CHECK_IN_IMAGE}.
 */
public record RenderedMail(String subject, String text, String html, String checkInCode) {

    /**
     * Content-ID of the QR image of the check-in code. A {@code cid:} link is resolved within its own message, so the
     * same id serves every email.
     */
    public static final String CHECK_IN_IMAGE = "check-in-code@conference";
}
