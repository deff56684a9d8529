package eu.efus.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Several instances of a service behind the gateway: calls are spread over the ready ones, an instance that is not
 * ready gets none, and a call cut off by an instance that dies is repeated on another one only when that is safe (a
 * read, or a write with an Idempotency-Key whose service honours the key).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"conference.gateway.instances.probe-interval=300ms",
                "conference.gateway.public-write-rate.limit=0"})
@AutoConfigureWebTestClient
class LoadBalancingIT {

    private static final FakeService FIRST = new FakeService("registration-1");
    private static final FakeService SECOND = new FakeService("registration-2");
    /** Answers readiness probes, and drops every other call after reading it, like a process killed mid-request. */
    private static final DroppingService DROPPING = new DroppingService();
    private static final FakeService ACCREDITATION = new FakeService("accreditation");

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("conference.routes.registration", () -> FIRST.url() + "," + SECOND.url());
        registry.add("conference.routes.accreditation", () -> ACCREDITATION.url() + "," + DROPPING.url());
        registry.add("conference.routes.notification", FIRST::url);
    }

    @AfterAll
    static void stop() {
        FIRST.close();
        SECOND.close();
        ACCREDITATION.close();
        DROPPING.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void reset() {
        // Dropped calls without a key are breaker failures: each test starts with closed breakers.
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        FIRST.reset();
        SECOND.reset();
        ACCREDITATION.reset();
        DROPPING.received.set(0);
    }

    @Test
    void callsAreSpreadOverTheInstancesAndANotReadyInstanceGetsNone() {
        for (int i = 0; i < 10; i++) {
            get("/api/events").expectStatus().isOk().expectBody().consumeWith(r -> { });
        }
        assertThat(apiCalls(FIRST)).isPositive();
        assertThat(apiCalls(SECOND)).isPositive();

        SECOND.respond("/actuator/health/readiness", 503, "application/json", "{\"status\":\"DOWN\"}", Map.of());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            SECOND.reset();
            SECOND.respond("/actuator/health/readiness", 503, "application/json", "{\"status\":\"DOWN\"}", Map.of());
            for (int i = 0; i < 6; i++) {
                get("/api/events").expectStatus().isOk().expectBody().consumeWith(r -> { });
            }
            assertThat(apiCalls(SECOND)).isZero();
        });
        int before = apiCalls(FIRST);
        for (int i = 0; i < 20; i++) {
            get("/api/events").expectStatus().isOk().expectBody().consumeWith(r -> { });
        }
        assertThat(apiCalls(SECOND)).isZero();
        assertThat(apiCalls(FIRST) - before).isEqualTo(20);

        SECOND.reset(); // ready again
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            get("/api/events").expectStatus().isOk().expectBody().consumeWith(r -> { });
            assertThat(apiCalls(SECOND)).isPositive();
        });
    }

    @Test
    void readsAndKeyedWritesCutOffByAnInstanceAreRepeatedOnAnotherOne() {
        for (int i = 0; i < 10; i++) {
            client.get().uri("/api/events/SDC/accreditations").exchange().expectStatus().isOk().expectBody()
                    .consumeWith(r -> { });
            post("/api/events/SDC/accreditations", "key-" + i).expectStatus().isOk().expectBody().consumeWith(r -> { });
        }
        // Every call reached one instance in the end; the dropping one cut some off and they were repeated.
        assertThat(DROPPING.received.get()).isPositive();
        assertThat(ACCREDITATION.received()).filteredOn(r -> r.path().startsWith("/api/")).hasSize(20);
    }

    @Test
    void aWriteWithoutAnIdempotencyKeyIsNeverSentTwice() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            post("/api/events/SDC/accreditations", null).expectBody().consumeWith(r -> statuses.add(r.getStatus().value()));
        }
        int served = (int) ACCREDITATION.received().stream().filter(r -> r.path().startsWith("/api/")).count();
        // Each write reached exactly one instance once: the dropped ones are answered 503, not repeated.
        assertThat(served + DROPPING.received.get()).isEqualTo(10);
        assertThat(DROPPING.received.get()).isPositive();
        assertThat(statuses.stream().filter(s -> s == 503).count()).isEqualTo(DROPPING.received.get());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(served);
    }

    @Test
    void aKeyedWriteWhoseServiceIgnoresTheKeyIsNeverSentTwice() {
        // Answering a journalist's question honours no Idempotency-Key: a key on it must not make the gateway repeat
        // it, nor must an empty key on a write that would honour a real one.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            post("/api/accreditations/acc-" + i + "/info", "key-info-" + i)
                    .expectBody().consumeWith(r -> statuses.add(r.getStatus().value()));
            post("/api/events/SDC/accreditations", "").expectBody().consumeWith(r -> statuses.add(r.getStatus().value()));
        }
        int served = (int) ACCREDITATION.received().stream().filter(r -> r.path().startsWith("/api/")).count();
        assertThat(served + DROPPING.received.get()).isEqualTo(20);
        assertThat(DROPPING.received.get()).isPositive();
        assertThat(statuses.stream().filter(s -> s == 503).count()).isEqualTo(DROPPING.received.get());
    }

    private WebTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).exchange();
    }

    private WebTestClient.ResponseSpec post(String path, String key) {
        WebTestClient.RequestBodySpec spec = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.bodyValue("{\"firstName\":\"Marc\"}").exchange();
    }

    private static int apiCalls(FakeService service) {
        return (int) service.received().stream().filter(r -> r.path().startsWith("/api/")).count();
    }

    /** A minimal HTTP server: 200 to readiness probes; any other request is read, counted and its connection dropped. */
    static final class DroppingService implements AutoCloseable {
        final AtomicInteger received = new AtomicInteger();
        private final ServerSocket socket;

        DroppingService() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(this::serve, "dropping-service");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread handler = new Thread(() -> handle(connection), "dropping-connection");
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void handle(Socket connection) {
            try (connection) {
                InputStream in = connection.getInputStream();
                while (true) {
                    String head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    if (head.startsWith("GET /actuator/health")) {
                        OutputStream out = connection.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n"
                                + "{\"status\":\"UP\"}").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        continue;
                    }
                    received.incrementAndGet();
                    return; // dropped without an answer
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    return head.toString();
                }
            }
            return null;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
