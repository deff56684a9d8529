package eu.efus.conference.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.contracts.EventSummary;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.LocalizedText;
import eu.efus.conference.contracts.Participant;
import eu.efus.conference.notification.Golden;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MailRendererTest {

    private static final MailRenderer RENDERER = new MailRenderer();

    /** The registration emails; the accreditation ones are {@link AccreditationMailsTest}'s. */
    static Stream<Arguments> everyTemplateInEveryLanguage() {
        return Stream.of(MailTemplate.REGISTRATION_CONFIRMED, MailTemplate.REGISTRATION_WAITLISTED,
                MailTemplate.REGISTRATION_PROMOTED, MailTemplate.REGISTRATION_CANCELLED)
                .flatMap(template -> Stream.of("fr", "en").map(language -> Arguments.of(template, language)));
    }

    private static String typeOf(MailTemplate template) {
        return switch (template) {
            case REGISTRATION_CONFIRMED -> EventTypes.REGISTRATION_CONFIRMED;
            case REGISTRATION_WAITLISTED -> EventTypes.REGISTRATION_WAITLISTED;
            case REGISTRATION_PROMOTED -> EventTypes.REGISTRATION_PROMOTED;
            case REGISTRATION_CANCELLED -> EventTypes.REGISTRATION_CANCELLED;
            default -> throw new IllegalArgumentException(template.id());
        };
    }

    private static RenderedMail render(MailTemplate template, String language) {
        return RENDERER.render(template, language, Golden.mail(template, typeOf(template)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void rendersTheGoldenSampleInTheRecipientsLanguage(MailTemplate template, String language) {
        RenderedMail mail = render(template, language);
        boolean fr = language.equals("fr");

        assertThat(mail.subject()).isNotBlank().doesNotContain("\r", "\n")
                .contains(fr ? "Sécurité, Démocratie & Villes 2027" : "Security, Democracy & Cities 2027");
        assertThat(mail.html()).contains("<html lang=\"" + language + "\"")
                .contains(fr ? "Bonjour <span>Ana Example</span>" : "Dear <span>Ana Example</span>")
                .contains(fr ? "Sécurité, Démocratie &amp; Villes 2027" : "Security, Democracy &amp; Cities 2027")
                .contains(fr ? "Forum européen pour la sécurité urbaine" : "European Forum for Urban Security")
                .contains("Square – Brussels Meeting Centre, Brussels");
        assertThat(mail.text()).startsWith(fr ? "Bonjour Ana Example," : "Dear Ana Example,")
                .contains(fr ? "Forum européen pour la sécurité urbaine" : "European Forum for Urban Security")
                .contains(fr ? "mercredi 17 mars 2027, 09:00 – vendredi 19 mars 2027, 13:00 (Europe/Brussels)"
                        : "Wednesday 17 March 2027, 09:00 – Friday 19 March 2027, 13:00 (Europe/Brussels)")
                .contains(fr ? "Drogues et trafics : réponses locales" : "Drugs and trafficking: local responses");
        // The other language's wording must not leak in, nor unresolved messages or template syntax.
        assertThat(mail.text() + mail.html()).doesNotContain("??", "[(", "${", "#{", " th:")
                .doesNotContain(fr ? "Dear " : "Bonjour ").doesNotContain(fr ? "Wednesday" : "mercredi");

        if (template == MailTemplate.REGISTRATION_CANCELLED) {
            assertThat(mail.text()).doesNotContain("/manage#").contains(fr ? "libérées" : "released");
            assertThat(mail.html()).doesNotContain("/manage#");
        } else {
            assertThat(mail.text()).contains(Golden.MANAGE_URL);
            assertThat(mail.html()).contains("href=\"" + Golden.MANAGE_URL.replace("&", "&amp;") + "\"")
                    .contains(fr ? "Consulter ou annuler mon inscription" : "View or cancel my registration");
        }
    }

    @Test
    void listsEachSessionWithWhereItStands() {
        RenderedMail en = render(MailTemplate.REGISTRATION_CONFIRMED, "en");
        assertThat(en.text()).contains("- Drugs and trafficking: local responses (Workshop, in English)\n"
                + "  Wednesday 17 March 2027, 14:00–15:30 (Europe/Brussels)\n  Confirmed")
                .contains("- Visit of the regional crisis centre (Field visit, in French)\n"
                        + "  Thursday 18 March 2027, 09:00–12:00 (Europe/Brussels)\n  Waiting list, position 3")
                .contains("invitation.ics");
        RenderedMail fr = render(MailTemplate.REGISTRATION_CONFIRMED, "fr");
        assertThat(fr.text()).contains("Liste d’attente, position 3", "(Atelier, en anglais)", "jeudi 18 mars 2027, 09:00–12:00");

        RenderedMail waitlisted = render(MailTemplate.REGISTRATION_WAITLISTED, "fr");
        assertThat(waitlisted.text()).contains("en position 12", "En attente d’une place à la conférence");
        assertThat(waitlisted.subject()).isEqualTo("Vous êtes sur la liste d’attente\u00a0: Sécurité, Démocratie & Villes 2027");

        RenderedMail promoted = render(MailTemplate.REGISTRATION_PROMOTED, "en");
        assertThat(promoted.text()).contains("You now have a seat in the following sessions:\n- Visit of the regional crisis centre")
                .doesNotContain("You are no longer on the waiting list");

        RenderedMail cancelled = render(MailTemplate.REGISTRATION_CANCELLED, "en");
        assertThat(cancelled.text()).contains("  Cancelled");
        assertThat(cancelled.subject()).isEqualTo("Your registration has been cancelled: Security, Democracy & Cities 2027");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void onlyTheEmailsThatConfirmASeatShowTheCheckInCode(MailTemplate template, String language) {
        RenderedMail mail = render(template, language);
        boolean fr = language.equals("fr");
        String title = fr ? "Votre code d’enregistrement" : "Your check-in code";
        if (template == MailTemplate.REGISTRATION_CONFIRMED || template == MailTemplate.REGISTRATION_PROMOTED) {
            assertThat(mail.checkInCode()).isEqualTo(Golden.CHECK_IN_CODE);
            // Between the sessions and the invite, in the text as in the HTML.
            assertThat(mail.text()).contains(title + "\n\n    " + Golden.CHECK_IN_CODE + "\n\n"
                    + (fr ? "Présentez ce code à l’accueil à votre arrivée, imprimé ou sur l’écran de votre téléphone"
                            : "Show this code at the welcome desk when you arrive, printed or on your phone"))
                    .containsSubsequence(fr ? "Vos sessions" : "Your sessions", title, "invitation.ics");
            assertThat(mail.html()).containsSubsequence(fr ? "Vos sessions" : "Your sessions", title,
                    "<img style=\"display:block;margin:0 auto;border:0;\" src=\"cid:" + RenderedMail.CHECK_IN_IMAGE
                            + "\" alt=\"" + (fr ? "Code QR de votre code d’enregistrement " : "QR code of your check-in code ")
                            + Golden.CHECK_IN_CODE + "\">", ">" + Golden.CHECK_IN_CODE + "</p>", "invitation.ics");
        } else {
            assertThat(mail.checkInCode()).isNull();
            assertThat(mail.text() + mail.html()).doesNotContain(title, Golden.CHECK_IN_CODE, "cid:");
        }
    }

    @Test
    void escapesWhatParticipantsTypedAndKeepsTheSubjectOnOneLine() {
        RegistrationMail golden = Golden.mail(MailTemplate.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_CONFIRMED);
        EventSummary e = golden.event();
        RegistrationMail hostile = new RegistrationMail(golden.registrationId(),
                new EventSummary(e.code(), e.kind(), new LocalizedText("Titre\r\nBcc: victim@example.org", "Title\r\nBcc: victim@example.org"),
                        e.venue(), e.city(), e.country(), e.startsAt(), e.endsAt(), e.timezone()),
                new Participant("<script>alert(1)</script>", "O'Brien & Co", "x@example.org", null, null, null),
                "en", golden.sessions(), golden.manageUrl(), null, true, golden.promotedSessions(),
                "<b>SAMP</b>\r\n1E00");

        for (String language : new String[] {"en", "fr"}) {
            RenderedMail mail = RENDERER.render(MailTemplate.REGISTRATION_CONFIRMED, language, hostile);
            assertThat(mail.html()).doesNotContain("<script>", "<b>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("O&#39;Brien &amp; Co").contains("&lt;b&gt;SAMP&lt;/b&gt; 1E00");
            assertThat(mail.text()).contains("<script>alert(1)</script> O'Brien & Co");
            assertThat(mail.subject()).doesNotContain("\r", "\n").endsWith("Bcc: victim@example.org");
        }
    }

    @Test
    void theRegistrationEmailsAreUnchangedByTheAccreditationFields() {
        for (String language : new String[] {"en", "fr"}) {
            RenderedMail mail = render(MailTemplate.REGISTRATION_CONFIRMED, language);
            // No accreditation wording, no empty quote or request table from the new fragments.
            assertThat(mail.html()).doesNotContain("<blockquote", "accreditation", "accréditation");
            assertThat(mail.text()).contains(language.equals("fr") ? "merci de ne pas le transférer"
                    : "please do not forward it");
        }
    }

    @Test
    void onlyWebLinksBecomeButtons() {
        RegistrationMail golden = Golden.mail(MailTemplate.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_CONFIRMED);
        RegistrationMail script = new RegistrationMail(golden.registrationId(), golden.event(), golden.participant(), "en",
                golden.sessions(), "javascript:alert(1)", null, true, golden.promotedSessions(), golden.checkInCode());
        RenderedMail mail = RENDERER.render(MailTemplate.REGISTRATION_CONFIRMED, "en", script);
        assertThat(mail.html()).doesNotContain("javascript:");
        assertThat(mail.text()).doesNotContain("javascript:");
    }
}
