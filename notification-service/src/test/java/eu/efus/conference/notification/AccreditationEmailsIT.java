package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.ledger.NotificationStatus;
import eu.efus.conference.notification.templates.RenderedMail;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The press accreditation desk as the journalist's inbox sees it: one email when the request is received, one with each
 * question, one with a rejection, and exactly one on approval, rendered from the PRESS registration's confirmation.
 */
class AccreditationEmailsIT extends ServiceContext {

    private static final String TITLE_FR = "Sécurité, Démocratie & Villes 2027";

    /** An email as the journalist receives it (line breaks as in the rendered text: SMTP carries them as CRLF). */
    private record Received(String subject, String text, String html, List<BodyPart> attachments, MailParts parts) {

        static Received of(MimeMessage message) throws Exception {
            MailParts parts = MailParts.of(message);
            return new Received(message.getSubject(), parts.text(), parts.html(), parts.attachments(), parts);
        }
    }

    private static String privateUrl(String accreditation) {
        return "http://localhost:8080/accreditation#id=" + accreditation + "&token=sample-token-not-real";
    }

    /** Waits until this address has {@code count} ledger entries, all SENT, and returns them. */
    private List<Notification> sent(String email, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Notification> entries = entriesFor(email);
            return entries.size() == count && entries.stream().allMatch(e -> e.status() == NotificationStatus.SENT);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(email).size() == count);
        return entriesFor(email);
    }

    @Test
    void aReceivedRequestIsEmailedOnceWithThePrivateLink() throws Exception {
        String email = uniqueEmail("received");
        String accreditation = uniqueAccreditation();
        CloudEvent cause = publishGoldenAccreditation(EventTypes.ACCREDITATION_RECEIVED, email, accreditation);

        Notification entry = sent(email, 1).get(0);
        assertThat(entry.template()).isEqualTo("accreditation-received");
        assertThat(entry.language()).isEqualTo("fr");
        assertThat(entry.accreditationId()).isEqualTo(accreditation);
        assertThat(entry.registrationId()).isNull();
        assertThat(entry.causationId()).isEqualTo(cause.id());
        assertThat(entry.recipientName()).isEqualTo("Marc Example");

        MimeMessage message = mailsTo(email).get(0);
        assertThat(message.getMessageID()).isEqualTo(entry.messageId());
        Received mail = Received.of(message);
        assertThat(mail.subject()).isEqualTo("Demande d’accréditation presse reçue — " + TITLE_FR);
        assertThat(mail.text()).startsWith("Bonjour Marc Example,").contains(privateUrl(accreditation), "Le Quotidien");
        assertThat(mail.html()).contains("href=\"" + privateUrl(accreditation).replace("&", "&amp;") + "\"");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void aQuestionFromThePressOfficeIsEmailedEscapedWithTheLinkToAnswerIt() throws Exception {
        String email = uniqueEmail("needs-info");
        String accreditation = uniqueAccreditation();
        String json = Golden.freshAccreditation(EventTypes.ACCREDITATION_NEEDS_INFO, email, accreditation)
                .replace("Could you send a link to one of your recent articles?",
                        "Could you send <script>alert(1)</script> a recent article?\\nAnd your press card number?");
        publish(Topics.ACCREDITATION_EVENTS, CloudEventCodec.fromJson(json));

        Notification entry = sent(email, 1).get(0);
        assertThat(entry.template()).isEqualTo("accreditation-needs-info");
        assertThat(entry.accreditationId()).isEqualTo(accreditation);
        Received mail = Received.of(mailsTo(email).get(0));
        assertThat(mail.subject()).isEqualTo("Demande d’accréditation presse\u00a0: informations complémentaires nécessaires — "
                + TITLE_FR);
        assertThat(mail.text()).contains("    Could you send <script>alert(1)</script> a recent article?\n"
                + "    And your press card number?\n").contains(privateUrl(accreditation));
        assertThat(mail.html()).doesNotContain("<script>")
                .contains("<span>Could you send &lt;script&gt;alert(1)&lt;/script&gt; a recent article?</span><br>"
                        + "<span>And your press card number?</span>")
                .contains("href=\"" + privateUrl(accreditation).replace("&", "&amp;") + "\"");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void aRejectionIsEmailedWithItsReason() throws Exception {
        String email = uniqueEmail("rejected");
        String accreditation = uniqueAccreditation();
        publishGoldenAccreditation(EventTypes.ACCREDITATION_REJECTED, email, accreditation);

        Notification entry = sent(email, 1).get(0);
        assertThat(entry.template()).isEqualTo("accreditation-rejected");
        assertThat(entry.accreditationId()).isEqualTo(accreditation);
        Received mail = Received.of(mailsTo(email).get(0));
        assertThat(mail.subject()).isEqualTo("Accréditation presse non accordée — " + TITLE_FR);
        assertThat(mail.text()).contains("Motif indiqué par le service de presse\u00a0:\n"
                + "    The press quota for this event is reached\n");
        assertThat(mail.html()).contains("<span>The press quota for this event is reached</span>");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void anApprovalSendsExactlyOneEmailWithTheManageLinkAndTheInvite() throws Exception {
        String email = uniqueEmail("approved");
        String accreditation = uniqueAccreditation();
        String registration = uniqueRegistration();
        // In the order of the real flow: the decision, then the PRESS registration registration-service creates for it,
        // its confirmation published a second time under a new event id (a producer replay) for good measure.
        publishGoldenAccreditation(EventTypes.ACCREDITATION_APPROVED, email, accreditation);
        CloudEvent confirmed = Golden.pressConfirmed(email, registration, false);
        publish(confirmed);
        publish(Golden.pressConfirmed(email, registration, false));

        Notification entry = sent(email, 1).get(0);
        assertThat(entry.template()).isEqualTo("accreditation-approved");
        assertThat(entry.registrationId()).isEqualTo(registration);
        assertThat(entry.language()).isEqualTo("en");
        assertThat(entry.causationId()).isEqualTo(confirmed.id());
        Received mail = Received.of(mailsTo(email).get(0));
        String manageUrl = "http://localhost:8080/manage#id=" + registration + "&token=sample-token-not-real";
        assertThat(mail.subject()).isEqualTo("Press accreditation approved — Security, Democracy & Cities 2027");
        assertThat(mail.text()).startsWith("Dear Marc Example,").contains(manageUrl, "press desk")
                .contains("Your check-in code\n\n    " + Golden.CHECK_IN_CODE + "\n");
        assertThat(mail.html()).contains("href=\"" + manageUrl.replace("&", "&amp;") + "\"")
                .contains(">" + Golden.CHECK_IN_CODE + "</p>");
        assertThat(mail.parts().htmlImages()).containsExactly(RenderedMail.CHECK_IN_IMAGE);
        assertThat(mail.parts().qrCode(RenderedMail.CHECK_IN_IMAGE)).isEqualTo(Golden.CHECK_IN_CODE);
        assertThat(mail.attachments()).hasSize(1);
        BodyPart invite = mail.attachments().get(0);
        assertThat(invite.getFileName()).isEqualTo("invitation.ics");
        assertThat(invite.getContentType()).startsWith("text/calendar");
        assertThat(utf8(invite.getInputStream().readAllBytes()))
                .contains("UID:" + registration + "-SDC-2027-BRU@conference.efus.example");

        // The other accreditation events of this request send nothing either; a later event on the same key (so the
        // same partition) shows when they have all been consumed.
        publishGoldenAccreditation(EventTypes.ACCREDITATION_INFO_PROVIDED, email, accreditation);
        publishGoldenAccreditation(EventTypes.ACCREDITATION_WITHDRAWN, email, accreditation);
        String marker = uniqueEmail("marker");
        publishGoldenAccreditation(EventTypes.ACCREDITATION_RECEIVED, marker, accreditation);
        await().atMost(Duration.ofSeconds(20)).until(() -> !entriesFor(marker).isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(email).size() == 1 && entriesFor(email).size() == 1);
    }

    @Test
    void aReceivedEventDeliveredTwiceOrPublishedAgainSendsOneEmail() {
        String email = uniqueEmail("received-twice");
        String accreditation = uniqueAccreditation();
        CloudEvent received = CloudEventCodec.fromJson(
                Golden.freshAccreditation(EventTypes.ACCREDITATION_RECEIVED, email, accreditation));
        publish(Topics.ACCREDITATION_EVENTS, received);
        publish(Topics.ACCREDITATION_EVENTS, received);
        // The same fact under a new CloudEvents id: still the one "received" email of this request.
        publishGoldenAccreditation(EventTypes.ACCREDITATION_RECEIVED, email, accreditation);
        // Same key, same partition: once the question's entry exists, all three have been consumed.
        publishGoldenAccreditation(EventTypes.ACCREDITATION_NEEDS_INFO, email, accreditation);

        List<Notification> entries = sent(email, 2);
        assertThat(entries).extracting(Notification::template)
                .containsExactlyInAnyOrder("accreditation-received", "accreditation-needs-info");
        assertThat(entries).filteredOn(e -> e.template().equals("accreditation-received")).singleElement()
                .satisfies(e -> assertThat(e.causationId()).isEqualTo(received.id()));
        assertThat(mailsTo(email)).hasSize(2);
    }
}
