package eu.efus.conference.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages (events, event, registration form, confirmation, press request, privacy): served at their
 * addresses whatever the event code, with their scripts, the shared header and footer, no inline code for the
 * Content-Security-Policy to refuse, a label for every field, and texts in both languages.
 */
class PublicPagesIT extends GatewayTestSupport {

    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_I18N = Pattern.compile("data-i18n=\"([A-Za-z]+)\"");
    private static final Pattern FIELD_ID = Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\sid=\"([^\"]+)\"");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/,                              events.js",
            "/events/SDC-2024,               event.js",
            "/events/UNKNOWN,                event.js",
            "/events/SDC-2024/register,      register.js",
            "/events/SDC-2024/registered,    registered.js",
            "/events/SDC-2024/press,         press.js",
            "/press/SDC-2024,                press.js",
            "/press,                         press.js",
            "/privacy,                       privacy.js",
    })
    void eachPublicPageIsServedWithItsScriptsAndNoInlineCode(String path, String script) {
        String html = page(path);

        assertThat(html).contains("<html lang=\"en\">", "name=\"viewport\"", "name=\"referrer\" content=\"no-referrer\"",
                "href=\"/css/site.css\"", "<script src=\"/js/i18n.js\" defer></script>",
                "<script src=\"/js/" + script + "\" defer></script>", "<main id=\"main\"");
        // The Content-Security-Policy allows same-origin files only: no inline script, style or event handler.
        assertThat(html).doesNotContain("<script>", "style=", "javascript:");
        assertThat(INLINE_HANDLER.matcher(html).find()).as("inline event handler in " + path).isFalse();
        // Pages are files: serving one never calls a service (the script asks the API afterwards).
        assertThat(REGISTRATION.received()).isEmpty();
        assertThat(ACCREDITATION.received()).isEmpty();
    }

    @Test
    void anUnknownEventCodeStillGetsThePageWhichSaysSo() {
        assertThat(page("/events/NO-SUCH-EVENT")).contains("id=\"not-found\"", "data-test=\"not-found\"");
        assertThat(page("/events/NO-SUCH-EVENT/register")).contains("id=\"not-found\"");
        assertThat(page("/events/NO-SUCH-EVENT/press")).contains("id=\"not-found\"");
    }

    @Test
    void everyPageSharesTheSameHeaderAndFooter() {
        List<String> paths = List.of("/", "/events/A", "/events/A/register", "/events/A/registered", "/events/A/press",
                "/press", "/privacy", "/manage", "/accreditation");
        String header = between(page("/"), "<header class=\"site-header\">", "</header>");
        String footer = between(page("/"), "<footer class=\"site-footer\">", "</footer>");
        assertThat(header).contains("data-lang=\"fr\"", "data-lang=\"en\"", "href=\"/press\"", "data-nav=\"events\"");
        assertThat(footer).contains("href=\"/privacy\"");
        for (String path : paths) {
            String html = page(path);
            assertThat(between(html, "<header class=\"site-header\">", "</header>")).as("header of " + path).isEqualTo(header);
            assertThat(between(html, "<footer class=\"site-footer\">", "</footer>")).as("footer of " + path).isEqualTo(footer);
            assertThat(html).as("skip link of " + path).contains("class=\"skip-link\" href=\"#main\"");
        }
    }

    @Test
    void theRegistrationFormHasEveryApiFieldLabelledWithItsErrorPlace() {
        String html = page("/events/SDC-2024/register");
        assertThat(html).contains("<form id=\"registration-form\" novalidate", "data-test=\"submit\"",
                "id=\"error-summary\"", "role=\"alert\"", "id=\"sessions-error\"", "id=\"session-days\"",
                "<fieldset id=\"sessions\"", "<legend");
        List<String> fields = List.of("firstName", "lastName", "email", "organisation", "country", "category", "language",
                "dietaryRequirements", "accessibilityNeeds", "privacyPolicy", "photography");
        assertThat(fieldIds(html)).containsExactlyInAnyOrderElementsOf(fields);
        for (String field : fields) {
            assertThat(html).as(field).contains("<label for=\"" + field + "\"", "id=\"" + field + "-error\"");
        }
        assertThat(html).contains("id=\"email\" name=\"email\" autocomplete=\"email\"", "href=\"/privacy\"");
        // PRESS is not offered: journalists have their own form.
        assertThat(asset("/js/register.js")).doesNotContain("'PRESS'");
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
        assertThat(asset("/js/press.js")).contains("'PRINT', 'ONLINE', 'RADIO', 'TV', 'PHOTO', 'AGENCY', 'FREELANCE'",
                "'/accreditations'");
    }

    @Test
    void theFormSendsAnIdempotencyKeyAndHandsTheAnswerOverOutsideTheAddress() {
        String register = asset("/js/register.js");
        assertThat(register).contains("'Idempotency-Key': state.key", "state.key = Site.newKey()", "'/registrations'",
                "Site.handoff.save('registration.'", "window.location.assign(Site.eventPath(state.code, '/registered'))");
        assertThat(asset("/js/registered.js")).contains("Site.handoff.load('registration.'");
        String site = asset("/js/site.js");
        assertThat(site).contains("window.sessionStorage", "credentials: 'omit'", "crypto");
        // Personal data and answers stay out of addresses, storage that outlives the tab, and the console.
        for (String script : List.of("/js/i18n.js", "/js/site.js", "/js/events.js", "/js/event.js", "/js/register.js",
                "/js/registered.js", "/js/press.js", "/js/privacy.js", "/js/manage.js")) {
            String code = asset(script);
            assertThat(code).as(script).doesNotContain("console.", "innerHTML", "eval(", "document.cookie",
                    "searchParams.set('email'", "?email=");
            if (!script.equals("/js/i18n.js")) {
                assertThat(code).as(script + " (only the language choice is kept)").doesNotContain("window.localStorage", "localStorage.");
            }
            if (!script.equals("/js/site.js")) {
                assertThat(code).as(script + " (the hand-over lives in site.js)").doesNotContain("window.sessionStorage", "sessionStorage.");
            }
        }
    }

    @Test
    void everyTextKeyOfEveryPageExistsInFrenchAndEnglish() {
        String common = asset("/js/i18n.js");
        List<String> missing = new ArrayList<>();
        for (String[] pageAndScript : new String[][] {{"/", "/js/events.js"}, {"/events/A", "/js/event.js"},
                {"/events/A/register", "/js/register.js"}, {"/events/A/registered", "/js/registered.js"},
                {"/events/A/press", "/js/press.js"}, {"/privacy", "/js/privacy.js"}, {"/manage", "/js/manage.js"},
                {"/accreditation", "/js/accreditation.js"}}) {
            String texts = common + asset(pageAndScript[1]);
            Matcher keys = DATA_I18N.matcher(page(pageAndScript[0]));
            while (keys.find()) {
                String key = keys.group(1);
                // One definition per language: "      key: '…'" in the en and the fr dictionaries.
                int definitions = count(texts, "\n      " + key + ": ");
                if (definitions < 2) {
                    missing.add(pageAndScript[0] + " " + key + " (" + definitions + ")");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theCountryListIsTheOneTheServicesAccept() {
        String i18n = asset("/js/i18n.js");
        Matcher codes = Pattern.compile("'((?:[A-Z]{2} ?)+)'").matcher(between(i18n, "const COUNTRY_CODES", ".split(' ')"));
        StringBuilder all = new StringBuilder();
        while (codes.find()) {
            all.append(codes.group(1));
        }
        Set<String> offered = new TreeSet<>(Arrays.asList(all.toString().trim().split(" ")));
        assertThat(offered).isEqualTo(new TreeSet<>(Set.of(Locale.getISOCountries())));
    }

    @Test
    void staticAssetsAreServed() {
        for (String script : List.of("/js/i18n.js", "/js/site.js", "/js/events.js", "/js/event.js", "/js/register.js",
                "/js/registered.js", "/js/press.js", "/js/privacy.js")) {
            client.get().uri(script).exchange()
                    .expectStatus().isOk()
                    .expectHeader().value("Content-Type", type -> assertThat(type).contains("javascript"))
                    .expectBody(String.class).value(code -> assertThat(code).startsWith("//").contains("'use strict';"));
        }
        assertThat(asset("/css/site.css")).contains(".error-summary", ".site-header", ".skip-link:focus", ":focus-visible");
    }

    private String page(String path) {
        return client.get().uri(path)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().valueEquals("Cache-Control", "no-cache")
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

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
