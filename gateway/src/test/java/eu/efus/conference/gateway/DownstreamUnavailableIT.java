package eu.efus.conference.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that is down or hangs becomes a quick 503 problem with Retry-After, never a hang, a 500 or a
 * stack trace; refused connections, timeouts and a service's own 5xx answers are breaker failures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conference.gateway.downstream-timeout=1s")
@AutoConfigureWebTestClient
class DownstreamUnavailableIT {

    /** Held for the whole class, so no server started meanwhile (this gateway's own port included) can take it. */
    private static final Socket CLOSED_PORT = closedPort();
    private static final String CLOSED = "http://127.0.0.1:" + CLOSED_PORT.getLocalPort();
    private static final FakeService HANGING = new FakeService("notification");

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("conference.routes.registration", () -> CLOSED);
        registry.add("conference.routes.accreditation", () -> CLOSED);
        registry.add("conference.routes.notification", HANGING::url);
    }

    @AfterAll
    static void stop() throws IOException {
        HANGING.close();
        CLOSED_PORT.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void closeBreakers() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        HANGING.reset();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST,   /api/events/SDC-2024/registrations,  registration-service",
            "GET,    /api/events,                         registration-service",
            "DELETE, /api/registrations/r-1,              registration-service",
            "POST,   /api/events/SDC-2024/accreditations, accreditation-service",
            "GET,    /api/accreditations/a-1,             accreditation-service",
    })
    void closedPortIsAQuick503(String method, String path, String service) {
        // Enough calls to open the breaker too: the answer must stay the same problem once it is open.
        for (int i = 0; i < 12; i++) {
            long start = System.nanoTime();
            WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(path);
            WebTestClient.ResponseSpec response = method.equals("POST")
                    ? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    : request.exchange();
            expectUnavailable(response, service);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        // The breaker settings from application.yml apply (Resilience4j's own default needs 100 calls to judge).
        assertThat(breakers.circuitBreaker(service).getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void hangingServiceIsCutAtTheTimeLimit() {
        HANGING.respondSlowly("/api/admin/notifications", Duration.ofSeconds(8));
        long start = System.nanoTime();

        expectUnavailable(client.get().uri("/api/admin/notifications?email=a@example.org")
                .headers(h -> h.setBasicAuth("organizer", "demo-organizer"))
                .exchange(), "notification-service");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(breakers.circuitBreaker("notification-service").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void serverErrorsArePassedOnUntilTheyOpenTheBreaker() {
        String broken = "{\"title\":\"Internal error\",\"status\":500,\"detail\":\"the ledger is unavailable\"}";
        HANGING.respond("/api/admin/notifications/n-1/resend", 500, "application/problem+json", broken, Map.of());

        // minimum-number-of-calls (10) answers, each passed on as the service sent it.
        for (int i = 0; i < 10; i++) {
            resend().expectStatus().isEqualTo(500)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class).isEqualTo(broken);
        }
        assertThat(breakers.circuitBreaker("notification-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // Open: the service gets a rest and the caller a quick 503.
        expectUnavailable(resend(), "notification-service");
        assertThat(HANGING.received()).hasSize(10);
    }

    private WebTestClient.ResponseSpec resend() {
        return client.post().uri("/api/admin/notifications/n-1/resend")
                .headers(h -> h.setBasicAuth("organizer", "demo-organizer"))
                .exchange();
    }

    private static void expectUnavailable(WebTestClient.ResponseSpec response, String service) {
        response.expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.detail").isEqualTo(service + " is not reachable right now, please retry shortly")
                .jsonPath("$.type").isNotEmpty()
                .jsonPath("$.trace").doesNotExist();
    }

    /**
     * A port nothing listens on and nothing else can bind: a socket bound but never listening (a connection to it is
     * refused at once). A port merely bound and released could be handed to the next server started, the gateway
     * under test included, which then called itself instead of failing.
     */
    private static Socket closedPort() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
