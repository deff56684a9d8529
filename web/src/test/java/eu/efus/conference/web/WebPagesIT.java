package eu.efus.conference.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The pages as a visitor's browser gets them: in the language of the cookie or of Accept-Language from the first
 * response, the switch that stores the choice, and the event page written from registration-service's catalogue
 * (reached through the load balancer), with its 404 and 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "conference.web.catalog-timeout=1s", "spring.cloud.loadbalancer.cache.enabled=false"})
@AutoConfigureWebTestClient
class WebPagesIT {

    private static final FakeCatalog CATALOG = start();
    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");

    @Autowired
    WebTestClient client;

    private static FakeCatalog start() {
        try {
            return new FakeCatalog();
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void catalogue(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.registration-service[0].uri",
                () -> "http://127.0.0.1:" + CATALOG.port());
    }

    @AfterAll
    static void stop() {
        CATALOG.close();
    }

    private String get(String path, String acceptLanguage, String cookie, int status) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(path).header("Accept", "text/html");
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        if (cookie != null) {
            request = request.cookie(Languages.COOKIE, cookie);
        }
        return request.exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void aFrenchBrowserGetsAFrenchPageInTheFirstResponse() {
        String html = get("/privacy", "fr-BE,fr;q=0.9,en;q=0.5", null, 200);
        assertThat(html).contains("<html lang=\"fr\">", "Aller au contenu principal", "Protection des données");
        assertThat(get("/privacy", "de-DE,de;q=0.9,en;q=0.8", null, 200)).contains("<html lang=\"en\">", "Skip to main content");
        assertThat(get("/privacy", null, null, 200)).contains("<html lang=\"en\">");
    }

    @Test
    void theChoiceInTheCookieBeatsAcceptLanguageOnPublicAndStaffPages() {
        assertThat(get("/privacy", "fr", "en", 200)).contains("<html lang=\"en\">", "Privacy notice");
        String login = get("/staff/login", "en", "fr", 200);
        assertThat(login).contains("<html lang=\"fr\">", "Se connecter");
    }

    @Test
    void theSwitchStoresTheChoiceAndRedirectsToTheSameAddressWithoutTheParameter() {
        client.get().uri("/staff/login?error=expired&lang=fr").exchange()
                .expectStatus().isEqualTo(303)
                .expectHeader().location("/staff/login?error=expired")
                .expectCookie().valueEquals(Languages.COOKIE, "fr")
                .expectCookie().httpOnly(Languages.COOKIE, true)
                .expectCookie().path(Languages.COOKIE, "/");
        client.get().uri("/events/SDC-TEST?lang=en").exchange()
                .expectStatus().isEqualTo(303).expectHeader().location("/events/SDC-TEST");
        // An unknown language changes nothing but still cleans the address.
        client.get().uri("/?lang=de").exchange().expectStatus().isEqualTo(303).expectHeader().location("/")
                .expectHeader().doesNotExist("Set-Cookie");
        // The API is not a page: its parameters are its own.
        client.get().uri("/api/events?lang=fr").exchange().expectStatus().isNotFound();
    }

    @Test
    void theEventPageShowsTheWholeProgrammeWrittenOnTheServer() {
        String html = get("/events/SDC-TEST", "fr", null, 200);
        assertThat(html).contains("<html lang=\"fr\">", "Sécurité, démocratie et villes",
                "data-test=\"programme\"", "data-day=\"2027-03-17\"", "data-day=\"2027-03-18\"",
                "Mercredi 17 mars 2027", "Séance d&#39;ouverture", "Drogues et espace public", "Police de proximité",
                "Centre de crise", "Séance plénière", "Atelier", "Visite de terrain", "En français", "En anglais",
                "3 places restantes", "1 place restante", "Sans limite de places",
                "Complet\u00a0: liste d’attente (4 en attente)", "data-session=\"W-POLICE\"", "data-full=\"true\"",
                "href=\"/events/SDC-TEST/register\"", "09:30–11:00");
        String english = get("/events/SDC-TEST", "en", null, 200);
        // A title missing in English is shown in French, and says so.
        assertThat(english).contains("Opening plenary", "Crisis centre &lt;visit&gt;", "<h4 lang=\"fr\" data-test=\"session-title\">Police de proximité</h4>",
                "Wednesday 17 March 2027", "Full: waiting list (4 waiting)");
    }

    @Test
    void theEventsListIsWrittenOnTheServer() {
        String html = get("/", "en", null, 200);
        assertThat(html).contains("data-test=\"event-link\" data-code=\"SDC-TEST\"", "Security, democracy and cities",
                "17–19 March 2027", "Brussels, Belgium", "French and English", "12 seats left");
        assertThat(get("/", "fr", null, 200)).contains("17–19 mars 2027", "Brussels, Belgique", "Français et anglais");
    }

    @Test
    void anUnknownEventIsA404PageInTheVisitorsLanguage() {
        String html = get("/events/NO-SUCH-EVENT", "fr", null, 404);
        assertThat(html).contains("<html lang=\"fr\">", "data-test=\"not-found\"", "Événement introuvable")
                .doesNotContain("id=\"event\"");
    }

    @Test
    void aCatalogueThatDoesNotAnswerIsA503PageThatSaysSo() {
        String html = get("/events/BROKEN", "en", null, 503);
        assertThat(html).contains("The service is not available right now", "class=\"message error\"");
        CATALOG.listDown = true;
        try {
            assertThat(get("/", "fr", null, 503)).contains("Le service n’est pas disponible");
        }
        finally {
            CATALOG.listDown = false;
        }
    }

    @Test
    void theRegistrationFormGetsItsListsAndTheOverlapsFromTheServer() {
        String html = get("/events/SDC-TEST/register", "fr", null, 200);
        assertThat(html).contains("<option value=\"LOCAL_AUTHORITY\">", "<option value=\"BE\">Belgique</option>",
                "<option value=\"fr\" lang=\"fr\" selected=\"selected\">");
        String overlaps = between(html, "id=\"session-overlaps\">", "</script>");
        assertThat(overlaps).contains("\"W-DRUGS\":[\"W-POLICE\"]", "\"W-POLICE\":[\"W-DRUGS\"]",
                // touching ends do not overlap (11:00 end, 11:00 start)
                "\"PL-OPEN\":[]", "\"FV-CRISIS\":[]");
        assertThat(get("/events/SDC-TEST/press", "en", null, 200))
                .contains("<option value=\"FREELANCE\">Freelance journalist</option>");
    }

    @Test
    void thePressPageListsTheEventsOnTheServerSoItWorksWithoutJavaScript() {
        String html = get("/press", "fr", null, 200);
        assertThat(html).contains("<html lang=\"fr\">", "<section id=\"chooser\" aria-labelledby=\"chooser-title\">",
                "data-test=\"press-event\" data-code=\"SDC-TEST\"",
                "<a href=\"/events/SDC-TEST/press\" data-test=\"press-event-link\" data-code=\"SDC-TEST\">Sécurité, démocratie et villes</a>",
                "17–19 mars 2027 · Brussels, Belgique",
                // A closed event is listed, said closed, and has no link to a form that would refuse the request.
                "data-test=\"press-event\" data-code=\"WEB-CLOSED\"", "Webconférence complète", "Demandes closes");
        assertThat(html).doesNotContain("href=\"/events/WEB-CLOSED/press\"", "/js/press.js", "<noscript", "id=\"accreditation-form\"");
        // Soonest first, as on the events list.
        assertThat(html.indexOf("data-code=\"WEB-CLOSED\"")).isLessThan(html.indexOf("data-code=\"SDC-TEST\""));
        assertThat(get("/press", "en", null, 200)).contains("Choose the event you want to cover", "Requests closed",
                "17–19 March 2027 · Brussels, Belgium", "Online");

        CATALOG.listDown = true;
        try {
            assertThat(get("/press", "en", null, 503)).contains("The service is not available right now", "class=\"message error\"")
                    .doesNotContain("data-test=\"no-events\"");
        }
        finally {
            CATALOG.listDown = false;
        }
    }

    @Test
    void aPageThatNeedsItsScriptSaysSoInThePagesLanguage() {
        assertThat(get("/manage", "fr", null, 200)).contains("<noscript><p class=\"notice warn\" data-test=\"needs-javascript\">"
                + "Cette page a besoin de JavaScript").doesNotContain("This page needs JavaScript");
        assertThat(get("/events/SDC-TEST/press", "en", null, 200)).contains("<noscript><p class=\"notice warn\" "
                + "data-test=\"needs-javascript\">This page needs JavaScript").doesNotContain("Cette page");
        assertThat(get("/staff/organizer", "fr", null, 200)).contains("Cette page a besoin de JavaScript");
        // The pages written on the server read without their scripts.
        for (String path : new String[] {"/", "/events/SDC-TEST", "/press", "/privacy"}) {
            assertThat(get(path, "fr", null, 200)).as(path).doesNotContain("<noscript");
        }
    }

    @Test
    void pagesVaryWithTheLanguageHeaderAndTheCookies() {
        for (String path : new String[] {"/", "/events/SDC-TEST", "/events/NO-SUCH-EVENT", "/press", "/events/SDC-TEST/press",
                "/manage", "/privacy", "/staff/login", "/staff/press"}) {
            java.util.List<String> vary = client.get().uri(path).header("Accept", "text/html").header("Accept-Language", "fr")
                    .exchange().expectBody(String.class).returnResult().getResponseHeaders().getVary();
            assertThat(vary).as(path).contains("Accept-Language", "Cookie");
        }
    }

    @Test
    void theStaffPagesNameKindsCategoriesAndMediaWithTheFormsLabels() {
        String organiser = between(get("/staff/organizer", "fr", null, 200), "id=\"reference-lists\">", "</script>");
        assertThat(organiser).contains("[\"WEBCONFERENCE\",\"Webconférence\"]", "[\"PLENARY\",\"Séance plénière\"]",
                "[\"LOCAL_AUTHORITY\",\"Agent·e d’une collectivité territoriale\"]", "[\"PRESS\",\"Presse\"]");
        String desk = between(get("/staff/press", "en", null, 200), "id=\"reference-lists\">", "</script>");
        assertThat(desk).contains("[\"PRINT\",\"Print press\"]", "[\"FREELANCE\",\"Freelance journalist\"]");
        // One label set per list: the staff pages' texts carry no copy of them.
        assertThat(between(get("/staff/organizer", "en", null, 200), "id=\"page-texts\">", "</script>"))
                .doesNotContain("\"cat.", "\"skind.", "\"kind.CONFERENCE\"");
        assertThat(between(get("/staff/press", "en", null, 200), "id=\"page-texts\">", "</script>")).doesNotContain("\"media.");
    }

    @Test
    void pagesCarryTheirTextsAsDataAndNoInlineScriptOrStyle() {
        for (String path : new String[] {"/", "/events/SDC-TEST", "/events/SDC-TEST/register", "/events/SDC-TEST/registered",
                "/press", "/manage", "/accreditation", "/privacy", "/staff/login", "/staff/press", "/staff/organizer",
                "/staff/checkin", "/staff/forbidden.html"}) {
            String html = get(path, "fr", null, 200);
            Matcher scripts = SCRIPT.matcher(html);
            while (scripts.find()) {
                assertThat(scripts.group(1)).as(path).containsAnyOf("src=\"/js/", "type=\"application/json\"");
            }
            assertThat(html).as(path).doesNotContain(" style=", " onclick=", "javascript:");
            String texts = between(html, "id=\"page-texts\">", "</script>");
            assertThat(texts).as(path).startsWith("{").endsWith("}").doesNotContain("<");
        }
        assertThat(between(get("/manage", "fr", null, 200), "id=\"page-texts\">", "</script>"))
                .contains("\"confirmCancel\":\"Annuler votre inscription");
    }

    @Test
    void theCheckInDeskIsWrittenInTheVisitorsLanguageWithItsFieldAndLiveAnswer() {
        String english = get("/staff/checkin", "en", null, 200);
        assertThat(english).contains("<html lang=\"en\">", "<title>Check-in desk</title>", "<h1>Check-in desk</h1>",
                "<label for=\"checkin-event\">Event</label>", "<option value=\"\">Event entrance</option>",
                "<label for=\"code\">Code</label>", "id=\"code\"", "autofocus", "autocomplete=\"off\"",
                "aria-describedby=\"code-hint\"", "data-test=\"check-in\"", "Ready: scan a code.",
                "role=\"status\" aria-live=\"polite\" aria-atomic=\"true\"", "data-test=\"connection\"",
                "data-test=\"queue\"", "Admitted at this desk", "Arrived so far",
                "<script src=\"/js/checkin-offline.js\" defer>", "<script src=\"/js/staff-checkin.js\" defer>");
        // The category of each person is named from the server's list, press included.
        assertThat(between(english, "id=\"reference-lists\">", "</script>"))
                .contains("[\"LOCAL_AUTHORITY\",\"Local or regional authority staff\"]", "[\"PRESS\",\"Press\"]");
        // The scripts' texts come with the page: the answers, offline and the queue.
        assertThat(between(english, "id=\"page-texts\">", "</script>")).contains("\"already\":\"Already here since {time}\"",
                "\"refused.noSeat\":\"Refused: no seat in {session}\"", "\"queueMany\":\"{count} check-ins waiting to be sent.\"",
                "\"syncEarlier\":");

        String french = get("/staff/checkin", "fr", null, 200);
        assertThat(french).contains("<html lang=\"fr\">", "<h1>Accueil des participants</h1>",
                "<option value=\"\">Entrée de l’événement</option>", "<label for=\"code\">Code</label>",
                "Prêt : scannez un code.", "Admis à ce poste", "Arrivés jusqu’ici", "[\"PRESS\",\"Presse\"]");
        assertThat(between(french, "id=\"page-texts\">", "</script>")).contains("\"already\":\"Déjà arrivé·e depuis {time}\"",
                "\"offline\":\"Hors ligne\"");
    }

    @Test
    void theOrganiserDashboardHasItsArrivalsAndTheArrivalColumn() {
        assertThat(get("/staff/organizer", "en", null, 200)).contains("href=\"#arrivals-section\"", "id=\"arrivals-event\"",
                "data-test=\"arrivals-summary\"", "<th scope=\"col\">Holding a seat</th>", "<th scope=\"col\">Arrived</th>",
                "Updated every 10 seconds while this page is shown.");
        assertThat(get("/staff/organizer", "fr", null, 200)).contains("<h2 id=\"arrivals-title\" tabindex=\"-1\">Arrivées</h2>",
                "<th scope=\"col\">Ayant une place</th>", "<th scope=\"col\">Arrivée</th>");
    }

    @Test
    void withoutAStaffMenuFromTheHostTheStaffHeaderHasNone() {
        // The gateway says which pages each member may open; a host that says nothing gets no menu at all.
        assertThat(get("/staff/checkin", "en", null, 200)).doesNotContain("staff-menu");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("no " + start).isNotNegative();
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
