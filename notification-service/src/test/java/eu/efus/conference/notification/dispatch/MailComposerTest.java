package eu.efus.conference.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.Golden;
import eu.efus.conference.notification.MailSettings;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.templates.MailRenderer;
import eu.efus.conference.notification.templates.MailTemplate;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailComposerTest {

    private final MailComposer composer = new MailComposer(new JavaMailSenderImpl(), new MailRenderer(),
            new MailSettings(null, null, null, null, null, null, null, null));

    private static Notification entry(MailTemplate template, String type, String recipient, String name) {
        return Notification.pending("n-test", template.id(), "fr", recipient, name,
                MailTemplate.toModel(Golden.event(type).data()), Golden.SAMPLE_ID, Golden.SAMPLE_REGISTRATION, null, null,
                Instant.now());
    }

    /** The message as the mail server receives it. */
    private static MimeMessage onTheWire(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void plainTextAndHtmlAlternativesWithTheInviteAttached() throws Exception {
        Notification entry = entry(MailTemplate.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_CONFIRMED,
                "ana.example@example.org", "Ana Example");
        MimeMessage composed = composer.compose(entry, composer.messageId(entry, 1));
        assertThat(composed.getHeader("Message-ID")).containsExactly("<n-test.1@conference.efus.example>");

        MimeMessage message = onTheWire(composed);
        assertThat(message.getSubject()).startsWith("Votre inscription est confirmée");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Security, Democracy & Cities");
        assertThat(message.getHeader("Content-Language")).containsExactly("fr");
        Multipart mixed = (Multipart) message.getContent();
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        BodyPart alternativePart = mixed.getBodyPart(0);
        assertThat(alternativePart.getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) alternativePart.getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains(Golden.MANAGE_URL);

        BodyPart invite = mixed.getBodyPart(1);
        assertThat(invite.getFileName()).isEqualTo("invitation.ics");
        assertThat(invite.getContentType()).startsWith("text/calendar").contains("method=PUBLISH");
        assertThat(new String(invite.getInputStream().readAllBytes(), "UTF-8")).contains("BEGIN:VCALENDAR", "METHOD:PUBLISH");
    }

    @Test
    void noInviteWithACancellation() throws Exception {
        Notification entry = entry(MailTemplate.REGISTRATION_CANCELLED, EventTypes.REGISTRATION_CANCELLED,
                "ana.example@example.org", "Ana Example");
        Multipart mixed = (Multipart) onTheWire(composer.compose(entry, "<x@y>")).getContent();
        assertThat(mixed.getCount()).isEqualTo(1);
    }

    @Test
    void headersCannotBeInjectedThroughTheName() throws Exception {
        Notification entry = entry(MailTemplate.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_CONFIRMED,
                "ana.example@example.org", "Ana\r\nBcc: victim@example.org");
        MimeMessage message = onTheWire(composer.compose(entry, "<x@y>"));
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getAllRecipients()).hasSize(1);
        assertThat(((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress())
                .isEqualTo("ana.example@example.org");
    }

    @Test
    void aMalformedAddressIsRefusedBeforeSending() {
        Notification entry = entry(MailTemplate.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_CONFIRMED,
                "ana@example.org\r\nBcc: victim@example.org", "Ana");
        assertThatThrownBy(() -> composer.compose(entry, "<x@y>")).isInstanceOf(MailPreparationException.class)
                .satisfies(e -> assertThat(SmtpFailures.isTransient(e)).isFalse());
    }
}
