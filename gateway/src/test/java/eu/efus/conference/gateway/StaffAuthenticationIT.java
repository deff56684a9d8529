package eu.efus.conference.gateway;

import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The access rules enforced at the gateway: who gets 401, who gets 403, and that refused calls never reach a service. */
class StaffAuthenticationIT extends GatewayTestSupport {

    private static final String ADMIN_PATH = "/api/admin/events/SDC-2024/registrations";

    @Test
    void noCredentialsOnAStaffPathIs401WithABasicChallenge() {
        expectProblem(client.get().uri(ADMIN_PATH).exchange(), 401)
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"conference\"");
        expectProblem(client.get().uri("/api/accreditations?event=SDC-2024").exchange(), 401);
        expectProblem(client.post().uri("/api/accreditations/a-1/decision").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"decision\":\"APPROVED\"}").exchange(), 401);
        assertNothingForwarded();
    }

    @Test
    void wrongPasswordOrUnknownUserIs401() {
        expectProblem(client.get().uri(ADMIN_PATH).headers(h -> h.setBasicAuth("organizer", "wrong")).exchange(), 401)
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"conference\"");
        expectProblem(client.get().uri(ADMIN_PATH).headers(h -> h.setBasicAuth("nobody", "demo-organizer")).exchange(), 401);
        // Bad credentials are refused even on a public path, rather than silently treated as anonymous.
        expectProblem(client.get().uri("/api/events").headers(h -> h.setBasicAuth("organizer", "wrong")).exchange(), 401);
        assertNothingForwarded();
    }

    @Test
    void pressOfficerCannotUseOrganizerPaths() {
        expectProblem(client.get().uri(ADMIN_PATH).headers(h -> h.setBasicAuth("press-officer", "demo-press")).exchange(), 403);
        expectProblem(client.get().uri("/api/admin/notifications?email=a@example.org")
                .headers(h -> h.setBasicAuth("press-officer", "demo-press")).exchange(), 403);
        assertNothingForwarded();
    }

    @Test
    void organizerCannotDecideOnAccreditations() {
        expectProblem(client.post().uri("/api/accreditations/x/decision")
                .headers(h -> h.setBasicAuth("organizer", "demo-organizer"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVED\"}").exchange(), 403);
        expectProblem(client.get().uri("/api/accreditations")
                .headers(h -> h.setBasicAuth("organizer", "demo-organizer")).exchange(), 403);
        assertNothingForwarded();
    }

    @Test
    void theCheckInPathsAreForDeskStaffAndOrganisersOnly() {
        String roster = "/api/checkin/events/SDC-2024/roster";
        expectProblem(client.post().uri("/api/checkin").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":\"K3M9-Q2ZX-AB12-CD34\"}").exchange(), 401)
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"conference\"");
        expectProblem(client.get().uri(roster).exchange(), 401);
        // Whatever the method: a HEAD or DELETE on the roster is no more public than its GET.
        expectProblem(client.delete().uri(roster).exchange(), 401);
        expectProblem(client.post().uri("/api/checkin").headers(h -> h.setBasicAuth("press-officer", "demo-press"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"code\":\"x\"}").exchange(), 403);
        expectProblem(client.get().uri(roster).headers(h -> h.setBasicAuth("press-officer", "demo-press")).exchange(), 403);
        assertNothingForwarded();

        client.post().uri("/api/checkin").headers(h -> h.setBasicAuth("checkin", "demo-checkin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"code\":\"K3M9-Q2ZX-AB12-CD34\"}")
                .exchange().expectStatus().isOk().expectBody();
        client.get().uri(roster).headers(h -> h.setBasicAuth("checkin", "demo-checkin"))
                .exchange().expectStatus().isOk().expectBody();
        client.get().uri(roster).headers(h -> h.setBasicAuth("organizer", "demo-organizer"))
                .exchange().expectStatus().isOk().expectBody();
        assertThat(REGISTRATION.received()).extracting(FakeService.Received::path)
                .containsExactly("/api/checkin", roster, roster);
        JWTClaimsSet desk = StaffTokens.verifyBearer(REGISTRATION.received().get(0).header("Authorization"), TEST_SECRET);
        assertThat(desk.getSubject()).isEqualTo("checkin");
        assertThat(desk.getClaim("roles")).isEqualTo(List.of("CHECK_IN"));
    }

    @Test
    void deskStaffCannotUseOrganizerOrPressPaths() {
        for (String path : List.of("/api/admin/events/SDC-2024/registrations", "/api/admin/events/SDC-2024/arrivals",
                "/api/admin/registrations/r-1/badge.pdf", "/api/admin/events/SDC-2024/badges.pdf",
                "/api/admin/notifications?email=a@example.org", "/api/accreditations?event=SDC-2024")) {
            expectProblem(client.get().uri(path).headers(h -> h.setBasicAuth("checkin", "demo-checkin")).exchange(), 403);
        }
        expectProblem(client.post().uri("/api/admin/events").headers(h -> h.setBasicAuth("checkin", "demo-checkin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), 403);
        assertNothingForwarded();
    }

    @Test
    void theRightRolesGetThrough() {
        client.get().uri(ADMIN_PATH).headers(h -> h.setBasicAuth("organizer", "demo-organizer"))
                .exchange().expectStatus().isOk().expectBody();
        client.get().uri("/api/accreditations?event=SDC-2024&status=PENDING")
                .headers(h -> h.setBasicAuth("press-officer", "demo-press"))
                .exchange().expectStatus().isOk().expectBody();
        client.post().uri("/api/accreditations/x/decision").headers(h -> h.setBasicAuth("press-officer", "demo-press"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVED\"}")
                .exchange().expectStatus().isOk().expectBody();
        assertThat(REGISTRATION.received()).hasSize(1);
        assertThat(ACCREDITATION.received()).hasSize(2);
        assertThat(ACCREDITATION.received().get(0).rawQuery()).isEqualTo("event=SDC-2024&status=PENDING");
    }

    @Test
    void publicPathsNeedNoCredentials() {
        client.get().uri("/api/events").exchange().expectStatus().isOk().expectBody();
        client.get().uri("/api/accreditations/a-1").header("X-Manage-Token", "t").exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void theJournalistsPrivateLinkCallsNeedNoCredentials() {
        client.post().uri("/api/events/SDC-2024/accreditations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk().expectBody();
        client.get().uri("/api/accreditations/a-1").header("X-Manage-Token", "t")
                .exchange().expectStatus().isOk().expectBody();
        client.post().uri("/api/accreditations/a-1/info").header("X-Manage-Token", "t")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"answer\":\"yes\"}")
                .exchange().expectStatus().isOk().expectBody();
        client.delete().uri("/api/accreditations/a-1").header("X-Manage-Token", "t")
                .exchange().expectStatus().isOk().expectBody();
        assertThat(ACCREDITATION.received()).extracting(FakeService.Received::method)
                .containsExactly("POST", "GET", "POST", "DELETE");
        assertThat(ACCREDITATION.received()).allSatisfy(received -> assertThat(received.header("Authorization")).isNull());
    }

    @Test
    void thePressDeskPathsAreStaffOnlyWhateverTheMethod() {
        // Any verb on the list or the decision path needs the role, not only the documented GET and POST.
        expectProblem(client.post().uri("/api/accreditations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 401);
        expectProblem(client.delete().uri("/api/accreditations/a-1/decision").exchange(), 401);
        expectProblem(client.put().uri("/api/accreditations/a-1/decision").header("X-Manage-Token", "t")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), 401);
        assertNothingForwarded();
    }

    private WebTestClient.ResponseSpec expectProblem(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
        return response;
    }

    private void assertNothingForwarded() {
        assertThat(REGISTRATION.received()).isEmpty();
        assertThat(ACCREDITATION.received()).isEmpty();
        assertThat(NOTIFICATION.received()).isEmpty();
    }
}
