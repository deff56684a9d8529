package eu.efus.conference.gateway;

import java.net.URI;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser sign-in of staff: the form, the session and CSRF cookies, landing by role, the role rules of the staff
 * pages, the session on the API (staff token downstream, CSRF on staff writes) next to HTTP Basic, and sign-out.
 */
class StaffSignInIT extends GatewayTestSupport {

    private static final String EVENT_JSON = "{\"code\":\"NEW-EVENT\"}";

    @Test
    void signInPageIsServedWithItsFieldsAndACsrfCookieForItsScript() {
        StaffSession browser = new StaffSession(client);
        EntityExchangeResult<byte[]> page = browser.openSignInPage();

        assertThat(page.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getResponseHeaders().getCacheControl()).contains("no-store");
        assertThat(page.getResponseHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
        String html = new String(page.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("<form id=\"login-form\" method=\"post\" action=\"/staff/login\"",
                "name=\"_csrf\"", "<label for=\"username\"", "id=\"username\"", "autocomplete=\"username\"",
                "<label for=\"password\"", "id=\"password\"", "type=\"password\"", "data-test=\"sign-in\"",
                "role=\"status\"", "data-lang=\"fr\"", "data-lang=\"en\"", "<script src=\"/js/staff-login.js\" defer>");
        assertThat(html).doesNotContain("<script>", "style=", "onclick");

        ResponseCookie xsrf = page.getResponseCookies().getFirst(StaffSession.XSRF);
        assertThat(xsrf.isHttpOnly()).as("the pages' scripts read the CSRF cookie").isFalse();
        assertThat(xsrf.getSameSite()).isEqualTo("Lax");
        assertThat(xsrf.getPath()).isEqualTo("/");
        assertThat(xsrf.isSecure()).isFalse();

        // The public pages get no CSRF cookie: they have no session and need none.
        EntityExchangeResult<byte[]> home = client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(home.getResponseCookies()).doesNotContainKeys(StaffSession.XSRF, StaffSession.SESSION);
    }

    @Test
    void organizerSignsInWithAnHttpOnlySessionAndLandsOnTheDashboard() {
        StaffSession browser = new StaffSession(client);
        browser.openSignInPage();
        String formToken = browser.xsrf;

        EntityExchangeResult<byte[]> signedIn = browser.postSignIn("organizer", "demo-organizer", formToken);

        assertThat(signedIn.getStatus().value()).isEqualTo(302);
        assertThat(signedIn.getResponseHeaders().getLocation()).isEqualTo(URI.create("/staff/organizer"));
        ResponseCookie session = signedIn.getResponseCookies().getFirst(StaffSession.SESSION);
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(session.isSecure()).as("Secure only when configured (or over HTTPS)").isFalse();
        browser.session = session.getValue();
        browser.take(signedIn);
        assertThat(browser.xsrf).as("the sign-in form's CSRF token is dropped once signed in").isNull();

        EntityExchangeResult<String> dashboard = browser.page("/staff/organizer");
        assertThat(dashboard.getStatus().value()).isEqualTo(200);
        assertThat(dashboard.getResponseHeaders().getCacheControl()).contains("no-store");
        assertThat(dashboard.getResponseBody()).contains("<script src=\"/js/staff-organizer.js\" defer>",
                "data-test=\"sign-out\"", "action=\"/staff/logout\"", "id=\"attendee-search\"");
        assertThat(browser.xsrf).as("a fresh CSRF token comes with the page").isNotBlank().isNotEqualTo(formToken);

        browser.get("/staff/me").exchange().expectStatus().isOk()
                .expectBody().json("{\"username\":\"organizer\",\"roles\":[\"ORGANIZER\"]}");
        EntityExchangeResult<String> landing = browser.page("/staff");
        assertThat(landing.getStatus().value()).isEqualTo(303);
        assertThat(landing.getResponseHeaders().getLocation()).isEqualTo(URI.create("/staff/organizer"));
    }

    @Test
    void pressOfficerLandsOnThePressDesk() {
        StaffSession browser = StaffSession.signIn(client, "press-officer", "demo-press", "/staff/press");

        EntityExchangeResult<String> desk = browser.page("/staff/press");
        assertThat(desk.getStatus().value()).isEqualTo(200);
        assertThat(desk.getResponseBody()).contains("<script src=\"/js/staff-press.js\" defer>", "data-test=\"sign-out\"",
                "id=\"reason\"", "data-test=\"quota\"");
        browser.get("/staff/me").exchange().expectStatus().isOk()
                .expectBody().json("{\"username\":\"press-officer\",\"roles\":[\"PRESS_OFFICER\"]}");
    }

    @Test
    void deskStaffLandOnTheCheckInDeskAndTheirMenuOffersNothingElse() {
        StaffSession desk = StaffSession.signIn(client, "checkin", "demo-checkin", "/staff/checkin");

        EntityExchangeResult<String> page = desk.page("/staff/checkin");
        assertThat(page.getStatus().value()).isEqualTo(200);
        assertThat(page.getResponseHeaders().getCacheControl()).contains("no-store");
        assertThat(page.getResponseBody()).contains("<script src=\"/js/staff-checkin.js\" defer>",
                "<script src=\"/js/checkin-offline.js\" defer>", "data-test=\"sign-out\"", "id=\"code\"",
                "id=\"checkin-event\"", "id=\"checkin-session\"",
                "<nav class=\"staff-menu\"", "<a href=\"/staff/checkin\" data-test=\"staff-menu-link\"",
                "data-page=\"/staff/checkin\" aria-current=\"page\">Check-in desk</a>")
                .doesNotContain("href=\"/staff/organizer\"", "href=\"/staff/press\"");
        assertThat(desk.xsrf).as("the desk's check-ins are writes: its CSRF token comes with the page").isNotBlank();
        desk.get("/staff/me").exchange().expectStatus().isOk()
                .expectBody().json("{\"username\":\"checkin\",\"roles\":[\"CHECK_IN\"]}");
        EntityExchangeResult<String> landing = desk.page("/staff");
        assertThat(landing.getStatus().value()).isEqualTo(303);
        assertThat(landing.getResponseHeaders().getLocation()).isEqualTo(URI.create("/staff/checkin"));

        for (var refused : List.of(desk.page("/staff/organizer"), desk.page("/staff/press"))) {
            assertThat(refused.getStatus().value()).isEqualTo(403);
            assertThat(refused.getResponseBody()).contains("id=\"forbidden\"", "data-page=\"/staff/checkin\"")
                    .doesNotContain("staff-organizer.js", "staff-press.js");
        }
    }

    @Test
    void organisersMayStandInAtADeskAndPressOfficersMayNot() {
        StaffSession organizer = StaffSession.signIn(client, "organizer", "demo-organizer", "/staff/organizer");
        EntityExchangeResult<String> desk = organizer.page("/staff/checkin");
        assertThat(desk.getStatus().value()).isEqualTo(200);
        assertThat(desk.getResponseBody()).contains("staff-checkin.js", "data-page=\"/staff/organizer\"",
                "data-page=\"/staff/checkin\" aria-current=\"page\"").doesNotContain("data-page=\"/staff/press\"");
        assertThat(organizer.page("/staff/organizer").getResponseBody())
                .contains("data-page=\"/staff/organizer\" aria-current=\"page\"", "href=\"/staff/checkin\"");

        StaffSession press = StaffSession.signIn(client, "press-officer", "demo-press", "/staff/press");
        EntityExchangeResult<String> refused = press.page("/staff/checkin");
        assertThat(refused.getStatus().value()).isEqualTo(403);
        assertThat(refused.getResponseBody()).contains("id=\"forbidden\"").doesNotContain("staff-checkin.js");
        assertThat(press.page("/staff/press").getResponseBody()).contains("data-page=\"/staff/press\" aria-current=\"page\"")
                .doesNotContain("href=\"/staff/checkin\"", "href=\"/staff/organizer\"");
        // The sign-in page has no menu, even for someone already signed in.
        assertThat(press.page("/staff/login").getResponseBody()).doesNotContain("staff-menu-link");
    }

    @Test
    void aDesksCheckInsNeedTheCsrfHeaderAndReachTheServiceAsTheDeskMember() {
        StaffSession desk = StaffSession.signIn(client, "checkin", "demo-checkin", "/staff/checkin");
        desk.page("/staff/checkin");
        String body = "{\"code\":\"K3M9-Q2ZX-AB12-CD34\",\"scannedAt\":\"2027-03-17T08:59:00Z\"}";

        desk.post("/api/checkin", body, null).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("CSRF"));
        assertThat(REGISTRATION.received()).isEmpty();

        desk.post("/api/checkin", body, desk.xsrf).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.servedBy").isEqualTo("registration");
        FakeService.Received checkIn = REGISTRATION.last();
        assertThat(checkIn.path()).isEqualTo("/api/checkin");
        assertThat(checkIn.bodyText()).isEqualTo(body);
        JWTClaimsSet claims = StaffTokens.verifyBearer(checkIn.header("Authorization"), TEST_SECRET);
        assertThat(claims.getSubject()).isEqualTo("checkin");
        assertThat(claims.getClaim("roles")).isEqualTo(List.of("CHECK_IN"));
        desk.get("/api/checkin/events/SDC-2024/roster").exchange().expectStatus().isOk().expectBody();
        desk.get("/api/admin/events/SDC-2024/arrivals").exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswerAndNoSession() {
        StaffSession browser = new StaffSession(client);
        browser.openSignInPage();

        EntityExchangeResult<byte[]> wrongPassword = browser.postSignIn("organizer", "not-the-password", browser.xsrf);
        EntityExchangeResult<byte[]> unknownUser = browser.postSignIn("nobody", "demo-organizer", browser.xsrf);

        for (EntityExchangeResult<byte[]> failed : List.of(wrongPassword, unknownUser)) {
            assertThat(failed.getStatus().value()).isEqualTo(302);
            assertThat(failed.getResponseHeaders().getLocation()).isEqualTo(URI.create("/staff/login?error"));
            assertThat(failed.getResponseCookies()).doesNotContainKey(StaffSession.SESSION);
        }
        // The form shows the error itself (the page reads ?error); the message never says which part was wrong.
        assertThat(asset("/js/staff-login.js")).contains("'error'", "badCredentials");
        // Its texts come with the page, in the visitor's language.
        assertThat(client.get().uri("/staff/login").header("Accept-Language", "en").exchange()
                .expectBody(String.class).returnResult().getResponseBody()).contains("The user name or password is incorrect.");
        assertThat(client.get().uri("/staff/login").header("Accept-Language", "fr").exchange()
                .expectBody(String.class).returnResult().getResponseBody()).contains("L’identifiant ou le mot de passe est incorrect.");
        EntityExchangeResult<String> stillAnonymous = browser.page("/staff/organizer");
        assertThat(stillAnonymous.getStatus().value()).isEqualTo(302);
    }

    @Test
    void signInWithoutTheFormsCsrfTokenIsRefused() {
        StaffSession browser = new StaffSession(client);
        browser.openSignInPage();

        for (String token : new String[] {null, "forged-token"}) {
            EntityExchangeResult<byte[]> refused = browser.postSignIn("organizer", "demo-organizer", token);
            assertThat(refused.getStatus().value()).isEqualTo(303);
            assertThat(refused.getResponseHeaders().getLocation()).isEqualTo(URI.create("/staff/login?error=expired"));
            assertThat(refused.getResponseCookies()).doesNotContainKey(StaffSession.SESSION);
        }
    }

    @Test
    void anonymousBrowsersAreSentToTheSignInFormAndScriptsGet401() {
        for (String page : List.of("/staff/organizer", "/staff/press", "/staff/checkin", "/staff/organizer.html",
                "/staff/press.html", "/staff/checkin.html", "/staff")) {
            client.get().uri(page).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isFound()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/staff/login")
                    .expectBody().isEmpty();
        }
        client.get().uri("/staff/anything-else").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        // "Who is signed in?" is answered "nobody" without an error status (the sign-in page asks it).
        client.get().uri("/staff/me").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNoContent()
                .expectBody().isEmpty();
    }

    @Test
    void eachStaffPageRefusesTheOtherRoleWithA403Page() {
        StaffSession press = StaffSession.signIn(client, "press-officer", "demo-press", "/staff/press");
        StaffSession organizer = StaffSession.signIn(client, "organizer", "demo-organizer", "/staff/organizer");

        for (var refused : List.of(press.page("/staff/organizer"), press.page("/staff/organizer.html"),
                organizer.page("/staff/press"))) {
            assertThat(refused.getStatus().value()).isEqualTo(403);
            assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
            assertThat(refused.getResponseBody()).contains("id=\"forbidden\"", "data-test=\"sign-out\"", "href=\"/staff\"")
                    .doesNotContain("staff-organizer.js", "staff-press.js");
        }
        // The 403 page's sign-out form works: the page comes with a CSRF cookie.
        assertThat(press.xsrf).isNotBlank();

        press.get("/staff/organizer").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void aSessionReachesTheServicesAsTheStaffMemberWithASignedTokenAndNoCookies() {
        StaffSession organizer = StaffSession.signIn(client, "organizer", "demo-organizer", "/staff/organizer");
        organizer.page("/staff/organizer");

        organizer.get("/api/admin/events").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.servedBy").isEqualTo("registration");

        FakeService.Received received = REGISTRATION.last();
        assertThat(received.path()).isEqualTo("/api/admin/events");
        JWTClaimsSet claims = StaffTokens.verifyBearer(received.header("Authorization"), TEST_SECRET);
        assertThat(claims.getSubject()).isEqualTo("organizer");
        assertThat(claims.getClaim("roles")).isEqualTo(List.of("ORGANIZER"));
        assertThat(received.header("Cookie")).as("session and CSRF cookies stay at the gateway").isNull();

        StaffSession press = StaffSession.signIn(client, "press-officer", "demo-press", "/staff/press");
        press.get("/api/accreditations/a-1").exchange().expectStatus().isOk().expectBody();
        JWTClaimsSet pressClaims = StaffTokens.verifyBearer(ACCREDITATION.last().header("Authorization"), TEST_SECRET);
        assertThat(pressClaims.getSubject()).isEqualTo("press-officer");
        assertThat(pressClaims.getClaim("roles")).isEqualTo(List.of("PRESS_OFFICER"));
    }

    @Test
    void theApiAnswersASessionWithProblemsNeverRedirects() {
        StaffSession press = StaffSession.signIn(client, "press-officer", "demo-press", "/staff/press");
        press.get("/api/admin/events").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);

        // A browser asking for HTML on the API still gets the problem, and the staff pages' scripts no Basic dialog.
        client.get().uri("/api/admin/events").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"conference\"")
                .expectBody().jsonPath("$.status").isEqualTo(401);
        client.get().uri("/api/admin/events").header("X-Requested-With", "staff-page").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        assertThat(REGISTRATION.received()).isEmpty();
    }

    @Test
    void aSessionsStaffWritesNeedTheCsrfHeader() {
        StaffSession organizer = StaffSession.signIn(client, "organizer", "demo-organizer", "/staff/organizer");
        organizer.page("/staff/organizer");

        for (String header : new String[] {null, "not-the-cookie-value"}) {
            organizer.post("/api/admin/events", EVENT_JSON, header).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(403)
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("CSRF"));
        }
        assertThat(REGISTRATION.received()).isEmpty();

        organizer.post("/api/admin/events", EVENT_JSON, organizer.xsrf).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.servedBy").isEqualTo("registration");
        FakeService.Received created = REGISTRATION.last();
        assertThat(created.method()).isEqualTo("POST");
        assertThat(created.bodyText()).isEqualTo(EVENT_JSON);
        assertThat(created.header("X-XSRF-TOKEN")).isNull();
        assertThat(StaffTokens.verifyBearer(created.header("Authorization"), TEST_SECRET).getSubject()).isEqualTo("organizer");

        StaffSession press = StaffSession.signIn(client, "press-officer", "demo-press", "/staff/press");
        press.page("/staff/press");
        press.post("/api/accreditations/a-1/decision", "{\"decision\":\"APPROVED\"}", null).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
        assertThat(ACCREDITATION.received()).isEmpty();
        press.post("/api/accreditations/a-1/decision", "{\"decision\":\"APPROVED\"}", press.xsrf).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.servedBy").isEqualTo("accreditation");
        assertThat(StaffTokens.verifyBearer(ACCREDITATION.last().header("Authorization"), TEST_SECRET).getSubject())
                .isEqualTo("press-officer");
    }

    @Test
    void scriptsWithHttpBasicNeedNoCsrfToken() {
        client.post().uri("/api/admin/events").headers(h -> h.setBasicAuth("organizer", "demo-organizer"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(EVENT_JSON)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.servedBy").isEqualTo("registration");
        assertThat(StaffTokens.verifyBearer(REGISTRATION.last().header("Authorization"), TEST_SECRET).getSubject())
                .isEqualTo("organizer");

        EntityExchangeResult<byte[]> answer = client.put().uri("/api/admin/events/NEW-EVENT")
                .headers(h -> h.setBasicAuth("organizer", "demo-organizer"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(EVENT_JSON)
                .exchange().expectStatus().isOk().expectBody().returnResult();
        assertThat(answer.getResponseCookies()).as("Basic calls stay stateless").doesNotContainKeys(StaffSession.SESSION);
    }

    @Test
    void publicWritesNeedNoCsrfTokenAndNeverCarryTheSessionsIdentity() {
        client.post().uri("/api/events/SDC-2024/registrations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.servedBy").isEqualTo("registration");
        assertThat(REGISTRATION.last().header("Authorization")).isNull();

        // A signed-in organiser trying the public form (cookies sent, no CSRF header) registers as anybody would.
        StaffSession organizer = StaffSession.signIn(client, "organizer", "demo-organizer", "/staff/organizer");
        organizer.page("/staff/organizer");
        organizer.post("/api/events/SDC-2024/registrations", "{}", null).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.servedBy").isEqualTo("registration");
        assertThat(REGISTRATION.last().header("Authorization")).isNull();
        assertThat(REGISTRATION.last().header("Cookie")).isNull();
        organizer.post("/api/events/SDC-2024/accreditations", "{}", null).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.servedBy").isEqualTo("accreditation");
        assertThat(ACCREDITATION.last().header("Authorization")).isNull();
    }

    @Test
    void signingOutEndsTheSession() {
        StaffSession organizer = StaffSession.signIn(client, "organizer", "demo-organizer", "/staff/organizer");
        organizer.page("/staff/organizer");
        String oldSession = organizer.session;

        // Without the CSRF token a sign-out is refused (a cross-site page cannot sign anyone out) and changes nothing.
        EntityExchangeResult<byte[]> refused = organizer.signOut(null);
        assertThat(refused.getStatus().value()).isEqualTo(403);
        organizer.get("/api/admin/events").exchange().expectStatus().isOk().expectBody();

        EntityExchangeResult<byte[]> signedOut = organizer.signOut(organizer.xsrf);
        assertThat(signedOut.getStatus().value()).isEqualTo(302);
        assertThat(signedOut.getResponseHeaders().getLocation()).isEqualTo(URI.create("/staff/login?signed-out"));
        assertThat(organizer.xsrf).as("CSRF cookie cleared").isNull();

        // Even if the browser kept the old cookie, it no longer means anything.
        organizer.session = oldSession;
        REGISTRATION.reset();
        organizer.get("/api/admin/events").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        assertThat(REGISTRATION.received()).isEmpty();
        EntityExchangeResult<String> page = organizer.page("/staff/organizer");
        assertThat(page.getStatus().value()).isEqualTo(302);
        assertThat(page.getResponseHeaders().getLocation()).isEqualTo(URI.create("/staff/login"));
    }

    @Test
    void staffScriptsSendTheCsrfHeaderAndKeepDataOutOfHtml() {
        // The one API call of every page (site.js) and the staff pages' helpers on top of it.
        String common = asset("/js/site.js") + asset("/js/staff-common.js");
        assertThat(common).contains("'X-XSRF-TOKEN'", "XSRF-TOKEN=", "'same-origin'", "'X-Requested-With'",
                "/staff/login?error=expired", "textContent");
        for (String script : List.of("/js/site.js", "/js/staff-common.js", "/js/staff-login.js", "/js/staff-press.js",
                "/js/staff-organizer.js", "/js/staff-forbidden.js", "/js/staff-checkin.js", "/js/checkin-offline.js")) {
            assertThat(asset(script)).as(script).doesNotContain("innerHTML", "insertAdjacentHTML", "console.", "eval(");
        }
        assertThat(asset("/css/staff.css")).isNotBlank();
    }

    @Test
    void theStaffPagesCarryTheirTestHooksLabelsAndNoInlineCode() {
        StaffSession press = StaffSession.signIn(client, "press-officer", "demo-press", "/staff/press");
        String desk = press.page("/staff/press").getResponseBody();
        assertThat(desk).contains("id=\"event-filter\"", "id=\"status-filter\"", "data-test=\"count-PENDING\"",
                "data-test=\"count-NEEDS_INFO\"", "data-test=\"count-APPROVED\"", "data-test=\"count-REJECTED\"",
                "data-test=\"count-WITHDRAWN\"", "data-test=\"quota\"", "<label for=\"reason\"", "id=\"reason\"",
                "aria-describedby=\"reason-hint reason-error\"", "data-test=\"approve\"", "data-test=\"reject\"",
                "data-test=\"ask\"", "role=\"status\"", "aria-live=\"polite\"", "data-lang=\"fr\"", "data-lang=\"en\"");
        assertThat(asset("/js/staff-press.js")).contains("'data-test': 'request-row'", "'data-id': request.id",
                "'/api/accreditations'", "'/decision'", "'/api/events/'", "pressQuota");

        StaffSession organizer = StaffSession.signIn(client, "organizer", "demo-organizer", "/staff/organizer");
        String dashboard = organizer.page("/staff/organizer").getResponseBody();
        for (String field : List.of("code", "kind", "title.fr", "title.en", "venue", "city", "country", "timezone",
                "startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt", "capacity", "pressQuota")) {
            assertThat(dashboard).as(field).contains("<label for=\"" + field + "\"", "id=\"" + field + "\"",
                    "id=\"" + field + "-error\"");
        }
        assertThat(dashboard).contains("<fieldset id=\"languages\"", "id=\"languages-fr\"", "id=\"languages-en\"",
                "id=\"attendee-search\"", "data-test=\"download-csv\"", "id=\"ledger-email\"", "data-test=\"ledger-search\"",
                "data-test=\"save-event\"", "id=\"add-session\"", "role=\"alert\"");
        assertThat(asset("/js/staff-organizer.js")).contains("'data-test': 'event-row'", "'data-code': event.code",
                "'data-test': 'session-row'", "'sessions[' + i + '].' + field", "'data-test': 'attendee-row'",
                "'data-test': 'ledger-row'", "'data-test': 'resend'", "'/resend'", "accept: 'text/csv'",
                "URL.createObjectURL", "download:", "'/api/admin/notifications?email='", "localToIso");

        for (String html : List.of(desk, dashboard)) {
            assertThat(html).contains("href=\"/css/site.css\"", "href=\"/css/staff.css\"", "name=\"viewport\"",
                    "<script src=\"/js/staff-common.js\" defer>").doesNotContain("<script>", "style=", "onclick");
        }
    }

    private String asset(String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
