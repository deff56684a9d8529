package eu.efus.conference.gateway;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing of each path family, what is forwarded (and what is not), and the pages served by the gateway. */
class RoutingIT extends GatewayTestSupport {

    @LocalManagementPort
    int managementPort;

    @Autowired
    CircuitBreakerRegistry breakers;

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,    /api/events,                              registration",
            "GET,    /api/events/SDC-2024,                     registration",
            "POST,   /api/events/SDC-2024/registrations,       registration",
            "GET,    /api/registrations/r-1,                   registration",
            "DELETE, /api/registrations/r-1,                   registration",
            "POST,   /api/events/SDC-2024/accreditations,      accreditation",
            "GET,    /api/accreditations/a-1,                  accreditation",
            "POST,   /api/accreditations/a-1/info,             accreditation",
            "DELETE, /api/accreditations/a-1,                  accreditation",
    })
    void publicPathsReachTheirServiceUnchanged(String method, String path, String service) {
        send(method, path, null, null)
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", service)
                .expectBody().jsonPath("$.servedBy").isEqualTo(service);

        FakeService target = service.equals("registration") ? REGISTRATION : ACCREDITATION;
        assertThat(target.last().method()).isEqualTo(method);
        assertThat(target.last().path()).isEqualTo(path);
    }

    @ParameterizedTest(name = "{0} {1} as {3} -> {2}")
    @CsvSource({
            "GET,  /api/admin/events/SDC-2024/registrations, registration,  organizer,     demo-organizer",
            "POST, /api/admin/events,                         registration,  organizer,     demo-organizer",
            "PUT,  /api/admin/events/SDC-2024,                registration,  organizer,     demo-organizer",
            "GET,  /api/admin/notifications,                  notification,  organizer,     demo-organizer",
            "POST, /api/admin/notifications/n-1/resend,       notification,  organizer,     demo-organizer",
            "GET,  /api/admin/events/SDC-2024/arrivals,       registration,  organizer,     demo-organizer",
            "GET,  /api/admin/events/SDC-2024/badges.pdf,     registration,  organizer,     demo-organizer",
            "GET,  /api/admin/registrations/r-1/badge.pdf,    registration,  organizer,     demo-organizer",
            "POST, /api/checkin,                              registration,  checkin,       demo-checkin",
            "GET,  /api/checkin/events/SDC-2024/roster,       registration,  checkin,       demo-checkin",
            "POST, /api/checkin,                              registration,  organizer,     demo-organizer",
            "GET,  /api/accreditations,                       accreditation, press-officer, demo-press",
            "POST, /api/accreditations/a-1/decision,          accreditation, press-officer, demo-press",
    })
    void staffPathsReachTheirService(String method, String path, String service, String user, String password) {
        send(method, path, user, password)
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", service)
                .expectBody().jsonPath("$.servedBy").isEqualTo(service);
    }

    private WebTestClient.ResponseSpec send(String method, String path, String user, String password) {
        WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(path);
        if (user != null) {
            request.headers(h -> h.setBasicAuth(user, password));
        }
        boolean hasBody = method.equals("POST") || method.equals("PUT");
        return (hasBody ? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}") : request).exchange();
    }

    @Test
    void queryStringAndManageTokenAreForwarded() {
        // A URI object, not a template: WebTestClient would otherwise encode the % signs a second time.
        client.get().uri(URI.create("http://localhost:" + port + "/api/registrations/r-1?lang=fr&q=a%20b%26c"))
                .header("X-Manage-Token", "secret-manage-token")
                .exchange()
                .expectStatus().isOk().expectBody();

        FakeService.Received received = REGISTRATION.last();
        assertThat(received.path()).isEqualTo("/api/registrations/r-1");
        assertThat(received.rawQuery()).isEqualTo("lang=fr&q=a%20b%26c");
        assertThat(received.header("X-Manage-Token")).isEqualTo("secret-manage-token");
        assertThat(received.header("Authorization")).as("anonymous call carries no identity").isNull();
    }

    @Test
    void registrationBodyIdempotencyKeyAndLocationPassThrough() {
        REGISTRATION.respond("/api/events/SDC-2024/registrations", 201, "application/json",
                "{\"id\":\"r-42\",\"status\":\"CONFIRMED\"}", Map.of("Location", "/api/registrations/r-42"));
        String body = "{\"firstName\":\"Ana\",\"lastName\":\"Silva\"}";

        client.post().uri("/api/events/SDC-2024/registrations")
                .header("Idempotency-Key", "key-123")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/registrations/r-42")
                .expectBody().json("{\"id\":\"r-42\",\"status\":\"CONFIRMED\"}");

        FakeService.Received received = REGISTRATION.last();
        assertThat(received.header("Idempotency-Key")).isEqualTo("key-123");
        assertThat(received.bodyText()).isEqualTo(body);
    }

    @Test
    void downstreamProblemsPassThroughUnchanged() {
        breakers.circuitBreaker("registration-service").reset();
        String conflict = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"already registered\",\"instance\":\"/api/events/SDC-2024/registrations\"}";
        REGISTRATION.respond("/api/events/SDC-2024/registrations", 409, "application/problem+json", conflict, Map.of());
        String broken = "{\"title\":\"Internal error\",\"status\":500,\"detail\":\"from the service\"}";
        REGISTRATION.respond("/api/events/BROKEN", 500, "application/problem+json", broken, Map.of());

        client.post().uri("/api/events/SDC-2024/registrations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(conflict);

        client.get().uri("/api/events/BROKEN")
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(broken);

        // The 409 is the service doing its job; the 500 counts as a failure for the breaker, passed on unchanged all the same.
        assertThat(breakers.circuitBreaker("registration-service").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void forgedIdentityHeadersAreStrippedOnPublicPaths() {
        client.get().uri("/api/events")
                .header("Authorization", "Bearer x")
                .header("X-Staff-Token", "forged")
                .header("X-Staff-Roles", "ORGANIZER")
                .exchange()
                .expectStatus().isOk().expectBody();

        FakeService.Received received = REGISTRATION.last();
        assertThat(received.header("Authorization")).isNull();
        assertThat(received.headers().keySet()).noneMatch(name -> name.startsWith("x-staff"));
    }

    @Test
    void authenticatedStaffReachServicesWithASignedTokenInsteadOfTheirPassword() {
        Instant before = Instant.now().minusSeconds(1);
        client.get().uri("/api/admin/events/SDC-2024/registrations")
                .headers(h -> h.setBasicAuth("organizer", "demo-organizer"))
                .header("X-Staff-Token", "forged")
                .exchange()
                .expectStatus().isOk().expectBody();

        FakeService.Received received = REGISTRATION.last();
        assertThat(received.header("X-Staff-Token")).isNull();
        JWTClaimsSet claims = StaffTokens.verifyBearer(received.header("Authorization"), TEST_SECRET);
        assertThat(claims.getIssuer()).isEqualTo("conference-gateway");
        assertThat(claims.getAudience()).containsExactly("conference-services");
        assertThat(claims.getSubject()).isEqualTo("organizer");
        assertThat(claims.getClaim("roles")).isEqualTo(List.of("ORGANIZER"));
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime().toInstant()).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.SECONDS));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void pressOfficerCredentialsOnThePublicRequestPathAreRelayedButNotRequired() {
        client.get().uri("/api/accreditations/a-1")
                .headers(h -> h.setBasicAuth("press-officer", "demo-press"))
                .exchange()
                .expectStatus().isOk().expectBody();
        JWTClaimsSet claims = StaffTokens.verifyBearer(ACCREDITATION.last().header("Authorization"), TEST_SECRET);
        assertThat(claims.getSubject()).isEqualTo("press-officer");
        assertThat(claims.getClaim("roles")).isEqualTo(List.of("PRESS_OFFICER"));

        client.get().uri("/api/accreditations/a-1")
                .header("X-Manage-Token", "journalist-token")
                .exchange()
                .expectStatus().isOk().expectBody();
        assertThat(ACCREDITATION.last().header("Authorization")).isNull();
        assertThat(ACCREDITATION.last().header("X-Manage-Token")).isEqualTo("journalist-token");
    }

    @ParameterizedTest
    @CsvSource({"/api/nothing", "/api/eventsX", "/api/admin/nothing-here-either"})
    void unknownApiPathsAreProblem404(String path) {
        client.get().uri(path)
                .headers(h -> h.setBasicAuth("organizer", "demo-organizer"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.detail").isNotEmpty();
        assertThat(REGISTRATION.received()).isEmpty();
        assertThat(ACCREDITATION.received()).isEmpty();
        assertThat(NOTIFICATION.received()).isEmpty();
    }

    @Test
    void managePageIsServedWithItsFragmentReadingScript() {
        String html = page("/manage");
        assertThat(html).contains("<script src=\"/js/private-link.js\"", "<script src=\"/js/manage.js\"",
                "role=\"status\"", "aria-live=\"polite\"", "id=\"cancel-confirm\"", "id=\"cancel-yes\"", "id=\"cancel-no\"");

        String script = asset("/js/manage.js");
        // Cancelling asks in the page (in the page's language, keyboard and focus handled), not with window.confirm.
        assertThat(script).contains("PrivateLink.readFragment()", "'/api/registrations/'", "'DELETE'", "'cancel-confirm'",
                "'Escape'");
        assertThat(script).doesNotContain("console.", "window.confirm");
    }

    @Test
    void theSharedPrivateLinkScriptKeepsTheTokenInTheHeaderOnly() {
        String script = asset("/js/private-link.js");
        assertThat(script).contains("window.location.hash", "params.get('token')", "'X-Manage-Token': token",
                "method: method");
        // The one API call of the pages (site.js): no cookie for public and private-link calls, nothing cached.
        assertThat(asset("/js/site.js")).contains("credentials: opts.staff ? 'same-origin' : 'omit'", "cache: 'no-store'");
        // Never in a query string, storage or the console.
        assertThat(script).doesNotContain("console.", "localStorage", "sessionStorage", "document.cookie");
    }

    @Test
    void accreditationPageIsServedWithItsScriptsFormAndLiveStatus() {
        String html = page("/accreditation");
        assertThat(html).contains("<html lang=\"en\">", "name=\"viewport\"", "name=\"referrer\" content=\"no-referrer\"",
                "<script src=\"/js/private-link.js\" defer>", "<script src=\"/js/accreditation.js\" defer>",
                "href=\"/css/site.css\"", "role=\"status\"", "aria-live=\"polite\"",
                "data-lang=\"fr\"", "data-lang=\"en\"",
                "<label for=\"answer-input\"", "id=\"answer-input\"", "aria-describedby=\"answer-hint\"",
                "id=\"answer-error\"", "id=\"withdraw\"", "id=\"withdraw-confirm\"");
        // Same page, same rules: no inline script or style for the Content-Security-Policy to refuse.
        assertThat(html).doesNotContain("<script>", "style=", "onclick");

        String script = asset("/js/accreditation.js");
        assertThat(script).contains("PrivateLink.readFragment()", "'/api/accreditations/'", "'/info'", "'POST'",
                "'DELETE'", "'GET'", "NEEDS_INFO", "aria-describedby", "MAX_ANSWER = 2000");
        // The statuses' texts come with the page (from the FR/EN bundles), not from the script.
        assertThat(html).contains("\"statuses.WITHDRAWN\":");
        assertThat(script).doesNotContain("console.", "localStorage", "sessionStorage");
        assertThat(asset("/css/site.css")).contains(".field-error", ".confirm");
    }

    @Test
    void theJournalistsManageTokenAndAnswerReachAccreditationServiceOnEveryMethod() {
        client.post().uri("/api/accreditations/a-1/info")
                .header("X-Manage-Token", "journalist-token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"answer\":\"Freelance for Le Soir\"}")
                .exchange()
                .expectStatus().isOk().expectBody();
        FakeService.Received answer = ACCREDITATION.last();
        assertThat(answer.method()).isEqualTo("POST");
        assertThat(answer.path()).isEqualTo("/api/accreditations/a-1/info");
        assertThat(answer.header("X-Manage-Token")).isEqualTo("journalist-token");
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.bodyText()).isEqualTo("{\"answer\":\"Freelance for Le Soir\"}");
        assertThat(answer.header("Authorization")).isNull();

        client.delete().uri("/api/accreditations/a-1")
                .header("X-Manage-Token", "journalist-token")
                .exchange()
                .expectStatus().isOk().expectBody();
        FakeService.Received withdrawal = ACCREDITATION.last();
        assertThat(withdrawal.method()).isEqualTo("DELETE");
        assertThat(withdrawal.path()).isEqualTo("/api/accreditations/a-1");
        assertThat(withdrawal.header("X-Manage-Token")).isEqualTo("journalist-token");
        assertThat(withdrawal.header("Authorization")).isNull();
        assertThat(REGISTRATION.received()).isEmpty();
    }

    @Test
    void accreditationRequestAnswers202WithLocationAndProblemsPassThrough() {
        ACCREDITATION.respond("/api/events/SDC-2024/accreditations", 202, "application/json",
                "{\"id\":\"a-42\",\"status\":\"PENDING\"}", Map.of("Location", "/api/accreditations/a-42"));
        client.post().uri("/api/events/SDC-2024/accreditations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"firstName\":\"Marc\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "/api/accreditations/a-42")
                .expectBody().json("{\"id\":\"a-42\",\"status\":\"PENDING\"}");
        assertThat(ACCREDITATION.last().bodyText()).isEqualTo("{\"firstName\":\"Marc\"}");

        String invalid = "{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"answer: is required\","
                + "\"errors\":[{\"field\":\"answer\",\"message\":\"is required\"}]}";
        ACCREDITATION.respond("/api/accreditations/a-1/info", 400, "application/problem+json", invalid, Map.of());
        client.post().uri("/api/accreditations/a-1/info").header("X-Manage-Token", "t")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"answer\":\"\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(invalid);
    }

    private String page(String path) {
        return client.get().uri(path)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String asset(String path) {
        return client.get().uri(path)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void indexPageLinksToTheApi() {
        REGISTRATION.respond("/api/events", 200, "application/json", "[]", java.util.Map.of());
        client.get().uri("/")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("href=\"/api/events\""));
    }

    @Test
    void actuatorExposesOnlyHealthInfoAndPrometheusOnTheManagementPort() {
        assertThat(managementPort).isNotEqualTo(port);
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody();
        management.get().uri("/actuator/env").exchange().expectStatus().isNotFound().expectBody();
        management.get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound().expectBody();
    }

    @Test
    void thePublicPortHasNoActuator() {
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
                "/actuator/info", "/actuator/env", "/actuator/gateway/routes")) {
            client.get().uri(path).exchange().expectStatus().isNotFound().expectBody();
            client.post().uri(path).exchange().expectStatus().value(status -> assertThat(status).as(path).isIn(403, 404))
                    .expectBody();
        }
    }
}
