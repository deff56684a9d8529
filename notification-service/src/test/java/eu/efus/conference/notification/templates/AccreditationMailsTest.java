package eu.efus.conference.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.contracts.AccreditationInfoRequested;
import eu.efus.conference.contracts.AccreditationRejected;
import eu.efus.conference.contracts.AccreditationRequested;
import eu.efus.conference.contracts.EventSummary;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Journalist;
import eu.efus.conference.contracts.LocalizedText;
import eu.efus.conference.notification.Golden;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The four press accreditation emails, rendered from the golden samples as the dispatcher would. */
class AccreditationMailsTest {

    private static final MailRenderer RENDERER = new MailRenderer();
    private static final String PRIVATE_HREF = "href=\"" + Golden.PRIVATE_URL.replace("&", "&amp;") + "\"";
    private static final String MANAGE_HREF = "href=\"" + Golden.MANAGE_URL.replace("&", "&amp;") + "\"";
    private static final String HOSTILE = "<script>alert(1)</script>\r\nO'Brien & \"Co\"\rthird line\n\nafter a blank line";

    static Stream<Arguments> everyAccreditationTemplateInEveryLanguage() {
        return Stream.of(MailTemplate.ACCREDITATION_RECEIVED, MailTemplate.ACCREDITATION_NEEDS_INFO,
                MailTemplate.ACCREDITATION_REJECTED, MailTemplate.ACCREDITATION_APPROVED)
                .flatMap(template -> Stream.of("fr", "en").map(language -> Arguments.of(template, language)));
    }

    /** The golden data each template is rendered from: the approval from the PRESS registration's confirmation. */
    private static MailData golden(MailTemplate template) {
        return switch (template) {
            case ACCREDITATION_RECEIVED -> Golden.accreditation(template, EventTypes.ACCREDITATION_RECEIVED);
            case ACCREDITATION_NEEDS_INFO -> Golden.accreditation(template, EventTypes.ACCREDITATION_NEEDS_INFO);
            case ACCREDITATION_REJECTED -> Golden.accreditation(template, EventTypes.ACCREDITATION_REJECTED);
            case ACCREDITATION_APPROVED -> template.read(template.model(
                    Golden.pressConfirmed(Golden.SAMPLE_JOURNALIST, Golden.SAMPLE_REGISTRATION, false).data()));
            default -> throw new IllegalArgumentException(template.id());
        };
    }

    private static RenderedMail render(MailTemplate template, String language) {
        return RENDERER.render(template, language, golden(template));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyAccreditationTemplateInEveryLanguage")
    void rendersTheGoldenSampleInTheJournalistsLanguage(MailTemplate template, String language) {
        RenderedMail mail = render(template, language);
        boolean fr = language.equals("fr");
        String title = fr ? "Sécurité, Démocratie & Villes 2027" : "Security, Democracy & Cities 2027";
        String subject = switch (template) {
            case ACCREDITATION_RECEIVED -> fr ? "Demande d’accréditation presse reçue" : "Press accreditation request received";
            case ACCREDITATION_NEEDS_INFO -> fr ? "Demande d’accréditation presse\u00a0: informations complémentaires"
                    : "Press accreditation request: more information needed";
            case ACCREDITATION_REJECTED -> fr ? "Accréditation presse non accordée" : "Press accreditation not granted";
            default -> fr ? "Accréditation presse accordée" : "Press accreditation approved";
        };

        assertThat(mail.subject()).startsWith(subject).endsWith(" — " + title).doesNotContain("\r", "\n");
        assertThat(mail.html()).contains("<html lang=\"" + language + "\"")
                .contains(fr ? "Bonjour <span>Marc Example</span>" : "Dear <span>Marc Example</span>")
                .contains(fr ? "Sécurité, Démocratie &amp; Villes 2027" : "Security, Democracy &amp; Cities 2027")
                .contains(fr ? "Forum européen pour la sécurité urbaine" : "European Forum for Urban Security")
                .contains("Square – Brussels Meeting Centre, Brussels");
        assertThat(mail.text()).startsWith(fr ? "Bonjour Marc Example," : "Dear Marc Example,")
                .contains(fr ? "mercredi 17 mars 2027, 09:00 – vendredi 19 mars 2027, 13:00 (Europe/Brussels)"
                        : "Wednesday 17 March 2027, 09:00 – Friday 19 March 2027, 13:00 (Europe/Brussels)")
                .contains(fr ? "Forum européen pour la sécurité urbaine" : "European Forum for Urban Security")
                .contains(fr ? "service de presse" : "press office")
                .doesNotContain("\n\n\n");
        assertThat(mail.text() + mail.html()).doesNotContain("??", "[(", "${", "#{", " th:", "null")
                .doesNotContain(fr ? "Dear " : "Bonjour ").doesNotContain(fr ? "Wednesday" : "mercredi")
                .doesNotContain(fr ? "press office" : "service de presse")
                // Never in an email: the press card number, the name of the officer who decided.
                .doesNotContain("BE-00000", "press-officer");

        switch (template) {
            case ACCREDITATION_RECEIVED -> {
                assertThat(mail.text()).contains(Golden.PRIVATE_URL, "Le Quotidien", "Interview with the mayor of the host city")
                        .contains(fr ? "retirer votre demande" : "withdraw your request")
                        .contains(fr ? "merci de ne pas le transférer" : "please do not forward it");
                assertThat(mail.html()).contains(PRIVATE_HREF)
                        .contains(fr ? "Suivre ma demande d’accréditation" : "Follow my accreditation request");
            }
            case ACCREDITATION_NEEDS_INFO -> {
                assertThat(mail.text()).contains("    Could you send a link to one of your recent articles?\n")
                        .contains(Golden.PRIVATE_URL);
                assertThat(mail.html()).contains("<span>Could you send a link to one of your recent articles?</span>")
                        .contains(PRIVATE_HREF)
                        .contains(fr ? "Répondre au service de presse" : "Answer the press office");
            }
            case ACCREDITATION_REJECTED -> {
                assertThat(mail.text()).contains("    The press quota for this event is reached\n")
                        .contains(fr ? "Motif indiqué par le service de presse" : "The reason given by the press office")
                        // A final decision: no link to act on, so no "personal link" warning either.
                        .doesNotContain("http", fr ? "merci de ne pas le transférer" : "please do not forward it");
                assertThat(mail.html()).contains("<span>The press quota for this event is reached</span>")
                        .doesNotContain("href=");
            }
            default -> {
                assertThat(mail.text()).contains(Golden.MANAGE_URL, "invitation.ics")
                        .contains(fr ? "accueil presse" : "press desk")
                        .contains(fr ? "ajoute la conférence à votre agenda" : "adds the conference to your calendar")
                        .doesNotContain("/accreditation#");
                assertThat(mail.html()).contains(MANAGE_HREF)
                        .contains(fr ? "Consulter ou annuler mon inscription" : "View or cancel my registration")
                        .doesNotContain("<h2 style=\"font-size:18px;margin:24px 0 8px 0;\">" + (fr ? "Vos sessions" : "Your sessions"));
            }
        }
    }

    @Test
    void theQuestionIsEscapedAndKeepsItsLineBreaks() {
        AccreditationMail golden = Golden.accreditation(MailTemplate.ACCREDITATION_NEEDS_INFO, EventTypes.ACCREDITATION_NEEDS_INFO);
        AccreditationMail hostile = AccreditationMail.of(new AccreditationInfoRequested(golden.accreditationId(),
                golden.event(), golden.journalist(), "en", HOSTILE, "press-officer", golden.privateUrl()));
        for (String language : new String[] {"en", "fr"}) {
            RenderedMail mail = RENDERER.render(MailTemplate.ACCREDITATION_NEEDS_INFO, language, hostile);
            assertEscapedWithLineBreaks(mail);
        }
    }

    @Test
    void theReasonIsEscapedAndKeepsItsLineBreaks() {
        AccreditationMail golden = Golden.accreditation(MailTemplate.ACCREDITATION_REJECTED, EventTypes.ACCREDITATION_REJECTED);
        AccreditationMail hostile = AccreditationMail.of(new AccreditationRejected(golden.accreditationId(),
                golden.event(), golden.journalist(), "fr", HOSTILE, "press-officer"));
        for (String language : new String[] {"en", "fr"}) {
            RenderedMail mail = RENDERER.render(MailTemplate.ACCREDITATION_REJECTED, language, hostile);
            assertEscapedWithLineBreaks(mail);
        }
    }

    private static void assertEscapedWithLineBreaks(RenderedMail mail) {
        assertThat(mail.html()).doesNotContain("<script>").contains("<blockquote")
                .contains("<span>&lt;script&gt;alert(1)&lt;/script&gt;</span><br>"
                        + "<span>O&#39;Brien &amp; &quot;Co&quot;</span><br>"
                        + "<span>third line</span><br><span></span><br><span>after a blank line</span></blockquote>");
        // Plain text is not HTML: the words as typed, one per line, indented as a quotation.
        assertThat(mail.text()).contains("    <script>alert(1)</script>\n    O'Brien & \"Co\"\n    third line\n\n"
                + "    after a blank line\n").doesNotContain("\r");
    }

    @Test
    void whatTheJournalistTypedIsEscapedAndNothingReachesTheSubjectsHeaderLine() {
        AccreditationMail golden = Golden.accreditation(MailTemplate.ACCREDITATION_RECEIVED, EventTypes.ACCREDITATION_RECEIVED);
        EventSummary e = golden.event();
        EventSummary hostileEvent = new EventSummary(e.code(), e.kind(),
                new LocalizedText("Titre\r\nBcc: victim@example.org", "Title\r\nBcc: victim@example.org"), e.venue(), e.city(),
                e.country(), e.startsAt(), e.endsAt(), e.timezone());
        Journalist j = golden.journalist();
        AccreditationMail hostile = AccreditationMail.of(new AccreditationRequested(golden.accreditationId(), hostileEvent,
                new Journalist("<b>Marc</b>", "O'Brien", j.email(), "<i>Le Quotidien</i>", j.mediaType(), j.country(), null),
                "en", "<img src=x onerror=alert(1)>\nsecond line", golden.privateUrl()));

        for (MailTemplate template : new MailTemplate[] {MailTemplate.ACCREDITATION_RECEIVED,
                MailTemplate.ACCREDITATION_NEEDS_INFO, MailTemplate.ACCREDITATION_REJECTED}) {
            for (String language : new String[] {"en", "fr"}) {
                RenderedMail mail = RENDERER.render(template, language, hostile);
                assertThat(mail.subject()).doesNotContain("\r", "\n").endsWith("Bcc: victim@example.org");
                assertThat(mail.html()).doesNotContain("<b>", "<i>", "<img").contains("&lt;b&gt;Marc&lt;/b&gt; O&#39;Brien");
            }
        }
        RenderedMail received = RENDERER.render(MailTemplate.ACCREDITATION_RECEIVED, "en", hostile);
        assertThat(received.html()).contains("&lt;i&gt;Le Quotidien&lt;/i&gt;",
                "<span>&lt;img src=x onerror=alert(1)&gt;</span><br><span>second line</span>");
        assertThat(received.text()).contains("Media outlet: <i>Le Quotidien</i>\nCoverage plans:\n"
                + "    <img src=x onerror=alert(1)>\n    second line\n");
    }

    @Test
    void onlyAWebLinkBecomesThePrivateLink() {
        AccreditationMail golden = Golden.accreditation(MailTemplate.ACCREDITATION_NEEDS_INFO, EventTypes.ACCREDITATION_NEEDS_INFO);
        for (String url : new String[] {"javascript:alert(1)", "http://localhost:8080/accreditation#id=x\r\nBcc: y", null}) {
            AccreditationMail bad = new AccreditationMail(golden.accreditationId(), golden.event(), golden.journalist(), "en",
                    url, null, "A question?", null);
            RenderedMail mail = RENDERER.render(MailTemplate.ACCREDITATION_NEEDS_INFO, "en", bad);
            assertThat(mail.html()).doesNotContain("javascript:", "href=", "Answer the press office");
            assertThat(mail.text()).doesNotContain("javascript:", "http", "personal link").contains("    A question?\n");
        }
    }

    @Test
    void theApprovalListsConfirmedSessionsAndLeavesOutTheOnSiteDeskForAWebconference() {
        MailTemplate approved = MailTemplate.ACCREDITATION_APPROVED;
        RegistrationMail withSessions = (RegistrationMail) approved.read(approved.model(
                Golden.pressConfirmed(Golden.SAMPLE_JOURNALIST, Golden.SAMPLE_REGISTRATION, true).data()));
        RenderedMail en = RENDERER.render(approved, "en", withSessions);
        assertThat(en.text()).contains("Your sessions:\n- Drugs and trafficking: local responses (Workshop, in English)")
                .contains("adds the conference and your confirmed sessions to your calendar", "On site");
        RenderedMail fr = RENDERER.render(approved, "fr", withSessions);
        assertThat(fr.html()).contains("ajoute la conférence et vos sessions confirmées à votre agenda");

        EventSummary e = withSessions.event();
        RegistrationMail online = new RegistrationMail(withSessions.registrationId(), new EventSummary(e.code(),
                "WEBCONFERENCE", e.title(), null, null, null, e.startsAt(), e.endsAt(), e.timezone()),
                withSessions.participant(), "en", List.of(), withSessions.manageUrl(), null, true, List.of(),
                withSessions.checkInCode());
        RenderedMail webconference = RENDERER.render(approved, "en", online);
        assertThat(webconference.text()).contains("Where: Online", Golden.MANAGE_URL).doesNotContain("On site", "badge");
        assertThat(webconference.html()).doesNotContain("badge");
        // Nobody arrives at a desk for a webconference: no check-in code, although the event carries one.
        assertThat(webconference.checkInCode()).isNull();
        assertThat(webconference.text() + webconference.html()).doesNotContain(Golden.CHECK_IN_CODE, "check-in");
    }

    @Test
    void typedTextIsSplitIntoLinesWhateverItsLineBreaks() {
        assertThat(MailRenderer.lines(null)).isEmpty();
        assertThat(MailRenderer.lines(" \r\n ")).isEmpty();
        assertThat(MailRenderer.lines("one\r\ntwo\rthree\u2028four\u0085five\nsix")).containsExactly("one", "two", "three",
                "four", "five", "six");
        assertThat(MailRenderer.lines("bell\u0007 and\u0000 nul\t tab  \n\n  indented"))
                .containsExactly("bell and nul\t tab", "", "  indented");
    }
}
