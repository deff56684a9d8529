package eu.efus.conference.gateway;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages (events, event, registration form, confirmation, press request, privacy) as the gateway serves
 * them from the web module: at their addresses, in the visitor's language, with their scripts, the one layout's
 * header and footer, no inline code for the Content-Security-Policy to refuse, and a label for every field.
 */
class PublicPagesIT extends GatewayTestSupport {

    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD_ID = Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\sid=\"([^\"]+)\"");
    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");
    private static final String EVENT = """
            {"code":"SDC-2024","kind":"CONFERENCE","title":{"fr":"Sécurité, démocratie et villes","en":"Security, democracy and cities"},
             "city":"Brussels","country":"BE","startsAt":"2027-03-17T09:00:00+01:00","endsAt":"2027-03-19T13:00:00+01:00",
             "timezone":"Europe/Brussels","languages":["fr","en"],"registrationOpen":true,"capacity":800,"seatsLeft":12,
             "waitlistLength":0,"sessions":[{"code":"W-DRUGS","kind":"WORKSHOP","title":{"fr":"Drogues et espace public",
             "en":"Drugs and public space"},"startsAt":"2027-03-17T11:00:00+01:00","endsAt":"2027-03-17T12:30:00+01:00",
             "language":"en","capacity":30,"seatsLeft":3,"waitlistLength":0}]}
            """;

    @BeforeEach
    void catalogue() {
        Map<String, String> none = Map.of();
        REGISTRATION.respond("/api/events/SDC-2024", 200, "application/json", EVENT, none);
        REGISTRATION.respond("/api/events/A", 200, "application/json", EVENT.replace("SDC-2024", "A"), none);
        REGISTRATION.respond("/api/events/UNKNOWN", 404, "application/problem+json", "{\"status\":404}", none);
        REGISTRATION.respond("/api/events/NO-SUCH-EVENT", 404, "application/problem+json", "{\"status\":404}", none);
        REGISTRATION.respond("/api/events", 200, "application/json", "[" + EVENT + "]", none);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/,                              site.js",
            "/events/SDC-2024,               event.js",
            "/events/SDC-2024/register,      register.js",
            "/events/SDC-2024/registered,    registered.js",
            "/events/SDC-2024/press,         press.js",
            "/press/SDC-2024,                press.js",
            "/press,                         site.js",
            "/privacy,                       site.js",
    })
    void eachPublicPageIsServedWithItsScriptsAndNoInlineCode(String path, String script) {
        String html = page(path);

        assertThat(html).contains("<html lang=\"en\">", "name=\"viewport\"", "name=\"referrer\" content=\"no-referrer\"",
                "href=\"/css/site.css\"", "<script src=\"/js/site.js\" defer></script>",
                "<script src=\"/js/" + script + "\" defer></script>", "<main id=\"main\"",
                "<script type=\"application/json\" id=\"page-texts\">");
        // The Content-Security-Policy allows same-origin files only: no inline script, style or event handler
        // (JSON data blocks are not scripts the browser runs).
        Matcher scripts = SCRIPT.matcher(html);
        while (scripts.find()) {
            assertThat(scripts.group(1)).as(path).containsAnyOf("src=\"/js/", "type=\"application/json\"");
        }
        assertThat(html).doesNotContain("style=", "javascript:");
        assertThat(INLINE_HANDLER.matcher(html).find()).as("inline event handler in " + path).isFalse();
    }

    @Test
    void thePressPageListsTheCataloguesEventsWithALinkToEachForm() {
        String html = page("/press");
        assertThat(html).contains("data-test=\"press-event\" data-code=\"SDC-2024\"",
                "<a href=\"/events/SDC-2024/press\" data-test=\"press-event-link\"", "Security, democracy and cities")
                .doesNotContain("/js/press.js", "<noscript");
        assertThat(REGISTRATION.received()).anyMatch(request -> request.path().equals("/api/events"));
    }

    @Test
    void theEventPageIsWrittenOnTheServerInTheVisitorsLanguage() {
        String html = client.get().uri("/events/SDC-2024").header("Accept-Language", "fr-BE,fr;q=0.9").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<html lang=\"fr\">", "Drogues et espace public", "Atelier", "3 places restantes",
                "href=\"/events/SDC-2024/register\"");
        assertThat(REGISTRATION.received()).anyMatch(request -> request.path().equals("/api/events/SDC-2024"));
    }

    @Test
    void anUnknownEventCodeGetsA404PageWhichSaysSo() {
        client.get().uri("/events/NO-SUCH-EVENT").exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(html -> assertThat(html).contains("id=\"not-found\"", "data-test=\"not-found\""));
        // The forms still come: their scripts tell an unknown event.
        assertThat(page("/events/NO-SUCH-EVENT/register")).contains("id=\"not-found\"");
        assertThat(page("/events/NO-SUCH-EVENT/press")).contains("id=\"not-found\"");
    }

    @Test
    void everyPageSharesTheSameHeaderAndFooter() {
        List<String> paths = List.of("/", "/events/A", "/events/A/register", "/events/A/registered", "/events/A/press",
                "/press", "/privacy", "/manage", "/accreditation");
        String header = comparable(between(page("/"), "<header class=\"site-header\">", "</header>"));
        String footer = between(page("/"), "<footer class=\"site-footer\">", "</footer>");
        assertThat(header).contains("data-lang=\"fr\"", "data-lang=\"en\"", "href=\"/press\"", "data-nav=\"events\"");
        assertThat(footer).contains("href=\"/privacy\"");
        for (String path : paths) {
            String html = page(path);
            assertThat(comparable(between(html, "<header class=\"site-header\">", "</header>"))).as("header of " + path)
                    .isEqualTo(header);
            assertThat(between(html, "<footer class=\"site-footer\">", "</footer>")).as("footer of " + path).isEqualTo(footer);
            assertThat(html).as("skip link of " + path).contains("class=\"skip-link\" href=\"#main\"");
            assertThat(html).as("language switch of " + path).contains("href=\"" + path + "?lang=fr\"");
        }
    }

    /** The header without what depends on the address: the switch's links and the current menu entry. */
    private static String comparable(String header) {
        return header.replaceAll("href=\"[^\"]*\\?lang=(fr|en)\"", "href=\"?lang=$1\"")
                .replaceAll("\\s*aria-current=\"(page|true)\"", "");
    }

    @Test
    void theRegistrationFormHasEveryApiFieldLabelledWithItsErrorPlace() {
        String html = page("/events/SDC-2024/register");
        assertThat(html).contains("<form id=\"registration-form\" novalidate", "data-test=\"submit\"",
                "id=\"error-summary\"", "role=\"alert\"", "id=\"sessions-error\"", "id=\"session-days\"",
                "<fieldset id=\"sessions\"", "<legend", "id=\"session-overlaps\"");
        List<String> fields = List.of("firstName", "lastName", "email", "organisation", "country", "category", "language",
                "dietaryRequirements", "accessibilityNeeds", "privacyPolicy", "photography");
        assertThat(fieldIds(html)).containsExactlyInAnyOrderElementsOf(fields);
        for (String field : fields) {
            assertThat(html).as(field).contains("<label for=\"" + field + "\"", "id=\"" + field + "-error\"");
        }
        assertThat(html).contains("id=\"email\" name=\"email\" autocomplete=\"email\"", "href=\"/privacy\"",
                "<option value=\"LOCAL_AUTHORITY\">", "<option value=\"BE\">Belgium</option>");
        // PRESS is not offered: journalists have their own form.
        assertThat(html).doesNotContain("<option value=\"PRESS\"");
    }

    @Test
    void thePressFormHasEveryApiFieldLabelledWithItsErrorPlace() {
        String html = page("/events/SDC-2024/press");
        assertThat(html).contains("<form id=\"accreditation-form\" novalidate", "data-test=\"submit\"",
                "id=\"error-summary\"", "role=\"alert\"", "data-test=\"accreditation-received\"");
        List<String> fields = List.of("firstName", "lastName", "email", "mediaOutlet", "mediaType", "country", "language",
                "pressCardNumber", "coverageNotes");
        assertThat(fieldIds(html)).containsExactlyInAnyOrderElementsOf(fields);
        for (String field : fields) {
            assertThat(html).as(field).contains("<label for=\"" + field + "\"", "id=\"" + field + "-error\"");
        }
        for (String type : List.of("PRINT", "ONLINE", "RADIO", "TV", "PHOTO", "AGENCY", "FREELANCE")) {
            assertThat(html).contains("<option value=\"" + type + "\">");
        }
        assertThat(asset("/js/press.js")).contains("'/accreditations'");
    }

    @Test
    void theFormSendsAnIdempotencyKeyAndHandsTheAnswerOverOutsideTheAddress() {
        String register = asset("/js/register.js");
        assertThat(register).contains("'Idempotency-Key': state.key", "state.key = Site.newKey()", "'/registrations'",
                "Forms.handoff.save('registration.'", "window.location.assign(Forms.eventPath(state.code, '/registered'))");
        assertThat(asset("/js/registered.js")).contains("Forms.handoff.load('registration.'");
        assertThat(asset("/js/forms.js")).contains("window.sessionStorage");
        assertThat(asset("/js/site.js")).contains("credentials: opts.staff ? 'same-origin' : 'omit'", "crypto");
        // Personal data and answers stay out of addresses, storage that outlives the tab, and the console.
        for (String script : List.of("/js/site.js", "/js/forms.js", "/js/event.js", "/js/register.js",
                "/js/registered.js", "/js/press.js", "/js/manage.js", "/js/accreditation.js", "/js/private-link.js")) {
            String code = asset(script);
            assertThat(code).as(script).doesNotContain("console.", "innerHTML", "eval(", "searchParams.set('email'",
                    "?email=", "localStorage", "window.confirm");
            if (!script.equals("/js/forms.js")) {
                assertThat(code).as(script + " (the hand-over lives in forms.js)").doesNotContain("window.sessionStorage", "sessionStorage.");
            }
        }
    }

    @Test
    void staticAssetsAreServed() {
        for (String script : List.of("/js/site.js", "/js/forms.js", "/js/event.js", "/js/register.js",
                "/js/registered.js", "/js/press.js", "/js/manage.js", "/js/staff-common.js")) {
            client.get().uri(script).exchange()
                    .expectStatus().isOk()
                    .expectHeader().value("Content-Type", type -> assertThat(type).contains("javascript"))
                    .expectBody(String.class).value(code -> assertThat(code).startsWith("//").contains("'use strict';"));
        }
        assertThat(asset("/css/site.css")).contains(".error-summary", ".site-header", ".skip-link:focus", ":focus-visible");
        // The old dictionaries are gone: one translation mechanism, fed by the server.
        client.get().uri("/js/i18n.js").exchange().expectStatus().isNotFound();
    }

    private String page(String path) {
        return client.get().uri(path)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                // Written in the language of the lang cookie or of Accept-Language: shared caches must keep them apart.
                .expectHeader().values("Vary", vary -> assertThat(String.join(",", vary)).contains("Accept-Language", "Cookie"))
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String asset(String path) {
        return client.get().uri(path)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static Set<String> fieldIds(String html) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = FIELD_ID.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("start marker " + start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("end marker " + end).isPositive();
        return text.substring(from, to + end.length());
    }
}
