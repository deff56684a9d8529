package eu.efus.conference.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.efus.conference.contracts.CloudEvent;
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
            new MailSettings(null, null, null, null, null, null, null, null, null, null));

    private static Notification entry(MailTemplate template, String type, String recipient, String name) {
        return entry(template, Golden.event(type), recipient, name);
    }

    private static Notification entry(MailTemplate template, CloudEvent cause, String recipient, String name) {
        return Notification.pending("n-test", template.id(), "fr", recipient, name, template.model(cause.data()),
                cause.id(), cause.subject(), null, null, null, Instant.now());
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

    @Test
    void thePressApprovalCarriesTheInviteAndTheManageLink() throws Exception {
        Notification entry = entry(MailTemplate.ACCREDITATION_APPROVED,
                Golden.pressConfirmed(Golden.SAMPLE_EMAIL, Golden.SAMPLE_REGISTRATION, false), Golden.SAMPLE_EMAIL,
                "Marc Example");
        MimeMessage message = onTheWire(composer.compose(entry, "<x@y>"));
        assertThat(message.getSubject()).isEqualTo("Accréditation presse accordée — Sécurité, Démocratie & Villes 2027");
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains(Golden.MANAGE_URL);
        String ics = new String(mixed.getBodyPart(1).getInputStream().readAllBytes(), "UTF-8");
        // The event only: the usual PRESS registration has no sessions.
        assertThat(ics).contains("UID:" + Golden.SAMPLE_REGISTRATION + "-SDC-2027-BRU@conference.efus.example")
                .doesNotContain("W-DRUGS", "token");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(2);
    }

    @Test
    void theAccreditationEmailsHaveNoInvite() throws Exception {
        for (MailTemplate template : new MailTemplate[] {MailTemplate.ACCREDITATION_RECEIVED,
                MailTemplate.ACCREDITATION_NEEDS_INFO, MailTemplate.ACCREDITATION_REJECTED}) {
            String type = switch (template) {
                case ACCREDITATION_RECEIVED -> EventTypes.ACCREDITATION_RECEIVED;
                case ACCREDITATION_NEEDS_INFO -> EventTypes.ACCREDITATION_NEEDS_INFO;
                default -> EventTypes.ACCREDITATION_REJECTED;
            };
            Notification entry = entry(template, type, Golden.SAMPLE_JOURNALIST, "Marc Example");
            MimeMessage message = onTheWire(composer.compose(entry, "<x@y>"));
            assertThat(((Multipart) message.getContent()).getCount()).as(template.id()).isEqualTo(1);
            assertThat(message.getSubject()).as(template.id()).endsWith("— Sécurité, Démocratie & Villes 2027");
        }
    }

    @Test
    void theLedgerKeepsNeitherThePressCardNumberNorTheDecidingOfficer() {
        Notification entry = entry(MailTemplate.ACCREDITATION_REJECTED, EventTypes.ACCREDITATION_REJECTED,
                Golden.SAMPLE_JOURNALIST, "Marc Example");
        assertThat(entry.model().toJson()).doesNotContain("pressCardNumber", "BE-00000", "decidedBy", "press-officer")
                .contains("The press quota for this event is reached", "Le Quotidien");
    }
}
