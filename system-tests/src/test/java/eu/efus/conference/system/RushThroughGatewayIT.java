package eu.efus.conference.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.testsupport.Http;
import eu.efus.conference.testsupport.Http.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rushes through the whole stack as {@code ./run.sh} starts it (per-IP write limit off, as for a load test): a
 * burst for a small workshop keeps exact capacity and arrival order, and more concurrent clients than the gateway
 * lets through at once cost waiting, not errors, with the circuit breaker staying closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RushThroughGatewayIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Stack stack;

    @BeforeAll
    void startStack() throws Exception {
        Path data = Path.of("target", "rush-data-" + System.currentTimeMillis()).toAbsolutePath();
        stack = new Stack(data).start(Map.of("CONFERENCE_GATEWAY_PUBLIC_WRITE_RATE_LIMIT", "0"));
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void oneHundredAtOnceForSixtySeatsConfirmSixtyAndQueueFortyInOrder() throws Exception {
        String code = OneWorkshopEvent.create(stack, "RUSH", 60);
        List<Response> answers = rush(100, i -> registration(code, "burst" + i, "W-SMALL"));

        List<Integer> positions = new ArrayList<>();
        int confirmed = 0;
        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
            var session = answer.body().get("sessions").get(0);
            if ("CONFIRMED".equals(session.get("status").asString())) {
                confirmed++;
            } else {
                assertThat(session.get("status").asString()).isEqualTo("WAITLISTED");
                positions.add(session.get("waitlistPosition").asInt());
            }
        }
        Collections.sort(positions);
        assertThat(confirmed).isEqualTo(60);
        assertThat(positions).isEqualTo(IntStream.rangeClosed(1, 40).boxed().toList());
        var workshop = Http.call(stack.gateway(), "GET", "/api/events/" + code, null).body().get("sessions").get(0);
        assertThat(workshop.get("seatsLeft").asInt()).isZero();
        assertThat(workshop.get("waitlistLength").asInt()).isEqualTo(40);
    }

    @Test
    void moreConcurrentClientsThanTheGatewayLetsThroughGetNoErrorAndTheBreakerStaysClosed() throws Exception {
        String code = OneWorkshopEvent.create(stack, "RUSH", null);
        // 160 at once: more than the gateway's 64 concurrent calls per service, each made to wait its turn. A call that
        // waited longer than the gateway's bound (a slow or busy machine) is told "busy" with Retry-After: overload
        // costs latency, never an error, for a client that does what the answer says (the same request, same key).
        AtomicInteger busy = new AtomicInteger();
        List<Response> answers = rush(160, i -> registrationHonouringRetryAfter(code, "crowd" + i, busy));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.raw()).isEqualTo(201));
        System.out.println("160 concurrent registrations: all 201; 'busy, retry after' answers on the way: " + busy.get());

        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayManagement() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metric(metrics, "resilience4j_circuitbreaker_state", "name=\"registration-service\"", "state=\"closed\""))
                .isEqualTo(1.0);
        assertThat(metric(metrics, "resilience4j_circuitbreaker_not_permitted_calls_total", "name=\"registration-service\""))
                .isZero();
    }

    private interface Call {
        Response make(int i) throws Exception;
    }

    private List<Response> rush(int clients, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                return call.make(n);
            }));
        }
        start.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : futures) {
            answers.add(f.get());
        }
        pool.shutdown();
        return answers;
    }

    /** A registration sent again, same body and Idempotency-Key, after each 503 "busy" as its Retry-After says. */
    private Response registrationHonouringRetryAfter(String code, String name, AtomicInteger busy) throws Exception {
        String body = registrationBody(name, "W-SMALL");
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            Response answer = Http.call(stack.gateway(), "POST", "/api/events/" + code + "/registrations", body,
                    "Idempotency-Key", key);
            if (answer.status() != 503 || attempt == 5) {
                return answer;
            }
            busy.incrementAndGet();
            assertThat(answer.raw()).as("only the waiting line's refusal, never 'not reachable'").contains("busy");
            String retryAfter = answer.headers().firstValue("Retry-After").orElseThrow(
                    () -> new AssertionError("503 without Retry-After: " + answer.raw()));
            Thread.sleep(Long.parseLong(retryAfter) * 1000);
        }
    }

    private Response registration(String code, String name, String session) throws Exception {
        return Http.call(stack.gateway(), "POST", "/api/events/" + code + "/registrations", registrationBody(name, session),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static String registrationBody(String name, String session) {
        return """
                {"firstName":"%s","lastName":"Example","email":"%s@example.org","organisation":"City of Ghent","country":"BE",
                 "category":"LOCAL_AUTHORITY","language":"en","sessions":["%s"],"dietaryRequirements":null,
                 "accessibilityNeeds":null,"consents":{"privacyPolicy":true,"photography":false}}
                """.formatted(name, name + "-" + UUID.randomUUID().toString().substring(0, 8), session);
    }

    /** The value of a Prometheus sample whose labels contain all of {@code labels}. */
    private static double metric(String exposition, String name, String... labels) {
        Matcher m = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(exposition);
        while (m.find()) {
            String found = m.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("No sample " + name + " " + List.of(labels) + " in the gateway's metrics");
    }
}
