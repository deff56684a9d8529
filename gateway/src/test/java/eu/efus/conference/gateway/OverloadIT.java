package eu.efus.conference.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import eu.efus.conference.gateway.limits.DownstreamConcurrencyFilter;
import eu.efus.conference.gateway.limits.GatewayLimitsProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * More concurrent clients than the gateway lets through to a service: the extra ones wait their turn
 * and get through; only a call that finds no slot within the maximum wait gets 503 with Retry-After.
 * Overload never opens the circuit breaker. Runs with the limits of application.yml.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Every call comes from 127.0.0.1: the per-IP write budget is not what this test is about.
        properties = "conference.gateway.public-write-rate.limit=0")
class OverloadIT extends GatewayTestSupport {

    private static final int CLIENTS = 150;
    private static final String ROUTE = "registration-service";

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    DownstreamConcurrencyFilter concurrency;

    @Autowired
    GatewayLimitsProperties limits;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private CountDownLatch release;

    @BeforeEach
    void closedBreaker() {
        breakers.circuitBreaker(ROUTE).reset();
    }

    @AfterEach
    void releaseHeldCalls() {
        if (release != null) {
            release.countDown();
        }
    }

    @Test
    void moreConcurrentClientsThanTheLimitAllGetThroughAndTheBreakerStaysClosed() {
        int limit = limits.downstreamConcurrency().maxConcurrentCalls();
        assertThat(CLIENTS).as("clients beyond the limit").isGreaterThan(2 * limit);
        String path = "/api/events/SDC-2024/registrations";
        REGISTRATION.respondSlowly(path, Duration.ofMillis(300));

        List<HttpResponse<String>> responses = all(IntStream.range(0, CLIENTS)
                .mapToObj(i -> send(HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "key-" + i)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Ana\"}"))))
                .toList());

        assertThat(responses).allSatisfy(response ->
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(REGISTRATION.received()).hasSize(CLIENTS);
        // More at once than the old 25-call bulkhead allowed, never more than the limit: the rest waited.
        assertThat(REGISTRATION.maxInFlight()).as("calls the service had at once").isBetween(26, limit);
        assertClosedWithoutFailures();
        await().atMost(Duration.ofSeconds(5)).until(() -> concurrency.slots(ROUTE).inUse() == 0);
    }

    @Test
    void aCallThatGetsNoSlotWithinTheWaitIs503WithRetryAfterAndNotABreakerFailure() {
        int limit = limits.downstreamConcurrency().maxConcurrentCalls();
        Duration maxWait = limits.downstreamConcurrency().maxWait();
        release = new CountDownLatch(1);
        REGISTRATION.respondWhenReleased("/api/events/SDC-2024", release);
        List<CompletableFuture<HttpResponse<String>>> holders = IntStream.range(0, limit)
                .mapToObj(i -> send(HttpRequest.newBuilder(uri("/api/events/SDC-2024")).GET()))
                .toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> REGISTRATION.inFlight() == limit);

        long start = System.nanoTime();
        client.post().uri("/api/events/SDC-2024/registrations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "3")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Service busy")
                .jsonPath("$.detail").isEqualTo(ROUTE + " is busy right now, please retry in 3 s");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).as("waited its turn first").isGreaterThanOrEqualTo(maxWait)
                .isLessThan(maxWait.plusSeconds(3));
        assertThat(REGISTRATION.received()).as("the refused call never reached the service").hasSize(limit);

        release.countDown();
        assertThat(all(holders)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertClosedWithoutFailures();
        await().atMost(Duration.ofSeconds(5)).until(() -> concurrency.slots(ROUTE).inUse() == 0);
        client.get().uri("/api/events").exchange().expectStatus().isOk().expectBody();
    }

    private void assertClosedWithoutFailures() {
        CircuitBreaker breaker = breakers.circuitBreaker(ROUTE);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isZero();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Sent at once, not awaited: each request is a client of its own (a connection each). */
    private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
        return http.sendAsync(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<HttpResponse<String>> all(List<CompletableFuture<HttpResponse<String>>> calls) {
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
