package eu.efus.conference.notification.dispatch;

import eu.efus.conference.notification.MailSettings;
import eu.efus.conference.notification.calendar.Invitations;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.templates.MailData;
import eu.efus.conference.notification.templates.MailRenderer;
import eu.efus.conference.notification.templates.MailTemplate;
import eu.efus.conference.notification.templates.RegistrationMail;
import eu.efus.conference.notification.templates.RenderedMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Builds the MIME message of a ledger entry: text/plain + text/html alternative in UTF-8, the calendar invite when the
 * template has one, our own Message-ID (known before sending, so the ledger can record it). Addresses are built with
 * {@link InternetAddress} and validated, header values are single lines.
 *
 * <p>An email that shows a check-in code carries its QR code as an inline PNG next to the alternative, in a
 * {@code multipart/related} the HTML refers into by Content-ID: {@code mixed(related(alternative, png), invite)}.
 * Other emails keep {@code mixed(alternative[, invite])}. The PNG is made here, for each email (and each re-send), from
 * the code in the stored event data: the ledger never holds it.
 */
@Component
public class MailComposer {

    static {
        // Jakarta Mail looks up its StreamProvider with a ServiceLoader, a scan of the class path, each time a message
        // creates a multipart, writes a body part or decodes a header: a fifth of a sender's CPU. Naming the
        // implementation (unless the deployment named another) replaces the scan with a class lookup.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
                "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private final JavaMailSender sender;
    private final MailRenderer renderer;
    private final InternetAddress from;
    private final String domain;

    public MailComposer(JavaMailSender sender, MailRenderer renderer, MailSettings settings) {
        this.sender = sender;
        this.renderer = renderer;
        this.from = settings.fromAddress();
        this.domain = settings.domain();
    }

    /** {@code <{entryId}.{attempt}@{domain}>}. */
    public String messageId(Notification entry, int attempt) {
        return "<" + entry.id() + "." + attempt + "@" + domain + ">";
    }

    /** The email of a ledger entry; throws {@link MailPreparationException} when the entry cannot become one. */
    public MimeMessage compose(Notification entry, String messageId) {
        MailTemplate template = MailTemplate.of(entry.template());
        MailData data = template.read(entry.model());
        String language = RegistrationMail.language(entry.language());
        RenderedMail rendered = renderer.render(template, language, data);
        MimeMessage message = sender.createMimeMessage();
        try {
            boolean withCheckIn = rendered.checkInCode() != null;
            MimeMessageHelper helper = new MimeMessageHelper(message, withCheckIn
                    ? MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED : MimeMessageHelper.MULTIPART_MODE_MIXED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(recipient(entry));
            helper.setSubject(MailRenderer.singleLine(rendered.subject()));
            helper.setText(rendered.text(), rendered.html());
            if (withCheckIn) {
                helper.addInline(RenderedMail.CHECK_IN_IMAGE, CheckInQrCode.FILE_NAME,
                        new ByteArrayDataSource(qrCode(entry, rendered.checkInCode()), CheckInQrCode.CONTENT_TYPE));
            }
            if (template.withInvitation()) {
                // Only registrations have a calendar invite (the press approval is the PRESS registration's).
                if (!(data instanceof RegistrationMail registration)) {
                    throw new MailPreparationException("Template " + template.id() + " has no registration to invite to");
                }
                helper.addAttachment(Invitations.FILE_NAME, new ByteArrayDataSource(
                        Invitations.of(registration, language, domain), Invitations.CONTENT_TYPE));
            }
            message.setHeader("Message-ID", messageId);
            message.setHeader("Content-Language", language);
            message.setHeader("Auto-Submitted", "auto-generated");
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot build email " + entry.id(), e);
        }
    }

    private static byte[] qrCode(Notification entry, String code) {
        try {
            return CheckInQrCode.png(code);
        } catch (IllegalArgumentException e) {
            throw new MailPreparationException("Email " + entry.id() + " has a check-in code no QR code can hold", e);
        }
    }

    private static InternetAddress recipient(Notification entry) throws MessagingException {
        try {
            InternetAddress address = new InternetAddress(entry.recipient().trim(),
                    MailRenderer.singleLine(entry.recipientName()), StandardCharsets.UTF_8.name());
            address.validate();
            return address;
        } catch (UnsupportedEncodingException e) {
            throw new MailPreparationException("UTF-8 unsupported", e);
        }
    }

}
