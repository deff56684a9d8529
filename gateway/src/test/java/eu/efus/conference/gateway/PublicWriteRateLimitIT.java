package eu.efus.conference.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Public writes beyond the per-IP budget get 429; reads and staff writes are not counted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "conference.gateway.public-write-rate.limit=3",
        "conference.gateway.public-write-rate.period=60s"})
class PublicWriteRateLimitIT extends GatewayTestSupport {

    @Test
    void writesBeyondTheBudgetAre429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            register().expectStatus().isOk().expectBody();
        }

        register()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 20))
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too many requests");
        assertThat(REGISTRATION.received()).hasSize(3);

        // X-Forwarded-For is not trusted by default: claiming another address does not buy a new budget.
        client.post().uri("/api/events/SDC-2024/registrations").header("X-Forwarded-For", "203.0.113.9")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(429).expectBody();
        client.delete().uri("/api/registrations/r-1").header("X-Manage-Token", "t")
                .exchange().expectStatus().isEqualTo(429).expectBody();

        // Reads and staff writes are not limited.
        client.get().uri("/api/events").exchange().expectStatus().isOk().expectBody();
        client.post().uri("/api/admin/events").headers(h -> h.setBasicAuth("organizer", "demo-organizer"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk().expectBody();
        client.post().uri("/api/accreditations/a-1/decision").headers(h -> h.setBasicAuth("press-officer", "demo-press"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk().expectBody();
        // A check-in desk scans a queue of people at the door: never held back by the public budget.
        for (int i = 0; i < 5; i++) {
            client.post().uri("/api/checkin").headers(h -> h.setBasicAuth("checkin", "demo-checkin"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"code\":\"K3M9-Q2ZX-AB12-CD34\"}")
                    .exchange().expectStatus().isOk().expectBody();
        }
    }

    private WebTestClient.ResponseSpec register() {
        return client.post().uri("/api/events/SDC-2024/registrations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange();
    }
}
