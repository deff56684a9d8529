package eu.efus.conference.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a downstream service: records every request it receives and answers
 * {@code 200 {"servedBy": name}} unless a canned response was set for the path.
 */
final class FakeService implements AutoCloseable {

    /** What the service received; header names are lower-cased. */
    record Received(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A canned answer, given after {@code delay} and, if {@code release} is set, once it is counted down. */
    record Canned(int status, String contentType, String body, Map<String, String> headers, Duration delay,
            CountDownLatch release) {
    }

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    FakeService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A thread per request: how many calls are in flight at once is for the gateway to decide, not the fake.
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-" + name);
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void respond(String path, int status, String contentType, String body, Map<String, String> headers) {
        canned.put(path, new Canned(status, contentType, body, headers, Duration.ZERO, null));
    }

    void respondSlowly(String path, Duration delay) {
        canned.put(path, new Canned(200, "application/json", "{\"slow\":true}", Map.of(), delay, null));
    }

    /** Holds every request to the path (200 {@code {"held":true}} afterwards) until {@code release} is counted down. */
    void respondWhenReleased(String path, CountDownLatch release) {
        canned.put(path, new Canned(200, "application/json", "{\"held\":true}", Map.of(), Duration.ZERO, release));
    }

    /** Requests being handled right now. */
    int inFlight() {
        return inFlight.get();
    }

    /** The most requests handled at the same time since the last reset. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received last() {
        if (received.isEmpty()) {
            throw new AssertionError(name + " received no request");
        }
        return received.get(received.size() - 1);
    }

    void reset() {
        received.clear();
        canned.clear();
        maxInFlight.set(inFlight.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Canned answer;
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                answer = receive(exchange);
            }
            finally {
                // Counted until the answer goes out: from then on the gateway may already send its next call.
                inFlight.decrementAndGet();
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("X-Served-By", name);
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    /** Records the request and waits as the canned answer says; returns that answer. */
    private Canned receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body));

        Canned answer = canned.getOrDefault(exchange.getRequestURI().getPath(),
                new Canned(200, "application/json", "{\"servedBy\":\"" + name + "\"}", Map.of(), Duration.ZERO, null));
        try {
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay().toMillis()); // simulates a hanging service (its own thread, not the test's)
            }
            if (answer.release() != null && !answer.release().await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + ": held request never released");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answer;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
