package eu.efus.conference.notification.templates;

/** A rendered email: one-line subject, plain-text body and HTML body. */
public record RenderedMail(String subject, String text, String html) {
}
