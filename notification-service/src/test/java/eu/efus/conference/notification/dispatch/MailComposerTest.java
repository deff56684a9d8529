package eu.efus.conference.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.Golden;
import eu.efus.conference.notification.MailParts;
import eu.efus.conference.notification.MailSettings;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.templates.MailRenderer;
import eu.efus.conference.notification.templates.MailTemplate;
import eu.efus.conference.notification.templates.RenderedMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailComposerTest {

    private final MailComposer composer = new MailComposer(new JavaMailSenderImpl(), new MailRenderer(),
            new MailSettings(null, null, null, null, null, null, null, null, null, null));

    private static Notification entry(MailTemplate template, String type, String recipient, String name) {
        return entry(template, Golden.event(type), recipient, name);
    }

    private static Notification entry(MailTemplate template, CloudEvent cause, String recipient, String name) {
        return entry(template, cause, recipient, name, "fr");
    }

    private static Notification entry(MailTemplate template, CloudEvent cause, String language) {
        return entry(template, cause, Golden.SAMPLE_EMAIL, "Ana Example", language);
    }

    private static Notification entry(MailTemplate template, CloudEvent cause, String recipient, String name,
            String language) {
        return Notification.pending("n-test", template.id(), language, recipient, name, template.model(cause.data()),
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
        // The alternative sits in a multipart/related with the QR image of the check-in code (see below).
        Multipart related = (Multipart) mixed.getBodyPart(0).getContent();
        BodyPart alternativePart = related.getBodyPart(0);
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

    /** The emails that confirm a seat, as their events come (golden samples), each in both languages. */
    static Stream<Arguments> seatConfirmingEmails() {
        CloudEvent promotedToASession = Golden.event(EventTypes.REGISTRATION_PROMOTED);
        CloudEvent promotedToTheEvent = Golden.edited(promotedToASession, data -> {
            data.put("eventSeat", true);
            data.putArray("promotedSessions");
        });
        return Stream.of(
                Arguments.of("confirmation", MailTemplate.REGISTRATION_CONFIRMED, Golden.event(EventTypes.REGISTRATION_CONFIRMED)),
                Arguments.of("promotion to a session", MailTemplate.REGISTRATION_PROMOTED, promotedToASession),
                Arguments.of("promotion to the event", MailTemplate.REGISTRATION_PROMOTED, promotedToTheEvent),
                Arguments.of("press approval", MailTemplate.ACCREDITATION_APPROVED,
                        Golden.pressConfirmed(Golden.SAMPLE_EMAIL, Golden.SAMPLE_REGISTRATION, false)))
                .flatMap(email -> Stream.of("fr", "en").map(language -> Arguments.of(email.get()[0], email.get()[1],
                        email.get()[2], language)));
    }

    @ParameterizedTest(name = "{0} in {3}")
    @MethodSource("seatConfirmingEmails")
    void theEmailsThatConfirmASeatCarryTheCheckInCodeAsTextAndAsAnInlineQrCode(String name, MailTemplate template,
            CloudEvent cause, String language) throws Exception {
        MailParts mail = MailParts.of(onTheWire(composer.compose(entry(template, cause, language), "<x@y>")));
        boolean fr = language.equals("fr");

        assertThat(mail.structure()).isEqualTo("multipart/mixed(multipart/related(multipart/alternative(text/plain,"
                + "text/html),image/png),text/calendar)");
        // The code as text, grouped as it came, on its own line under the section's title, in both parts.
        assertThat(mail.text()).contains((fr ? "Votre code d’enregistrement" : "Your check-in code") + "\n\n    "
                + Golden.CHECK_IN_CODE + "\n\n" + (fr ? "Présentez ce code à l’accueil" : "Show this code at the welcome desk"));
        assertThat(mail.html()).contains(fr ? "Votre code d’enregistrement" : "Your check-in code")
                .containsPattern("font-family:[^\"]*monospace[^\"]*font-size:28px[^\"]*\">" + Golden.CHECK_IN_CODE + "</p>");
        // The HTML shows the inline PNG by its Content-ID; the image is the QR code of the same code.
        assertThat(mail.htmlImages()).containsExactly(RenderedMail.CHECK_IN_IMAGE);
        assertThat(mail.inline()).containsOnlyKeys(RenderedMail.CHECK_IN_IMAGE);
        BodyPart image = mail.inline().get(RenderedMail.CHECK_IN_IMAGE);
        assertThat(image.getContentType()).startsWith("image/png");
        assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(image.getFileName()).isEqualTo(CheckInQrCode.FILE_NAME);
        assertThat(mail.qrCode(RenderedMail.CHECK_IN_IMAGE)).isEqualTo(Golden.CHECK_IN_CODE);
        assertThat(mail.altOf(RenderedMail.CHECK_IN_IMAGE)).contains(Golden.CHECK_IN_CODE)
                .startsWith(fr ? "Code QR" : "QR code");
        // The invite is unchanged: still the one attachment.
        assertThat(mail.attachments()).singleElement().satisfies(
                invite -> assertThat(invite.getFileName()).isEqualTo("invitation.ics"));
    }

    @ParameterizedTest(name = "{0} in {3}")
    @MethodSource("seatConfirmingEmails")
    void anEventWithoutACheckInCodeGivesTheEmailAsBefore(String name, MailTemplate template, CloudEvent cause,
            String language) throws Exception {
        CloudEvent older = Golden.edited(cause, data -> data.remove("checkInCode"));
        MailParts mail = MailParts.of(onTheWire(composer.compose(entry(template, older, language), "<x@y>")));

        assertThat(mail.structure()).isEqualTo("multipart/mixed(multipart/alternative(text/plain,text/html),text/calendar)");
        assertThat(mail.inline()).isEmpty();
        assertThat(mail.htmlImages()).isEmpty();
        assertThat(mail.text() + mail.html()).doesNotContain(Golden.CHECK_IN_CODE, "cid:", "check-in",
                "code d’enregistrement", "monospace");
        assertThat(mail.text()).contains(Golden.MANAGE_URL);
    }

    @Test
    void noCheckInCodeWhileWaitingOrOnceCancelled() throws Exception {
        for (MailTemplate template : new MailTemplate[] {MailTemplate.REGISTRATION_WAITLISTED,
                MailTemplate.REGISTRATION_CANCELLED}) {
            String type = template == MailTemplate.REGISTRATION_WAITLISTED ? EventTypes.REGISTRATION_WAITLISTED
                    : EventTypes.REGISTRATION_CANCELLED;
            for (String language : new String[] {"fr", "en"}) {
                MailParts mail = MailParts.of(onTheWire(composer.compose(entry(template, Golden.event(type), language),
                        "<x@y>")));
                assertThat(mail.structure()).as(template.id())
                        .isEqualTo("multipart/mixed(multipart/alternative(text/plain,text/html))");
                assertThat(mail.text() + mail.html()).as(template.id())
                        .doesNotContain(Golden.CHECK_IN_CODE, "cid:", "check-in", "code d’enregistrement");
            }
        }
    }

    @Test
    void theLedgerKeepsTheCodeNotTheImage() {
        Notification entry = entry(MailTemplate.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_CONFIRMED,
                Golden.SAMPLE_EMAIL, "Ana Example");
        // The stored model is the event data: the code is there, the image is made when the email is.
        assertThat(entry.model()).isEqualTo(MailTemplate.REGISTRATION_CONFIRMED.model(
                Golden.event(EventTypes.REGISTRATION_CONFIRMED).data()));
        assertThat(entry.model().getString("checkInCode")).isEqualTo(Golden.CHECK_IN_CODE);
        assertThat(entry.model().toJson()).doesNotContain("png", "iVBOR");
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
        MailParts mail = MailParts.of(message);
        assertThat(mail.attachments()).hasSize(1);
        assertThat(mail.text()).contains(Golden.MANAGE_URL);
        String ics = new String(mail.attachments().get(0).getInputStream().readAllBytes(), "UTF-8");
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
