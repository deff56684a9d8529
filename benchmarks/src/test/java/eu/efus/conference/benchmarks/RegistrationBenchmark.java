package eu.efus.conference.benchmarks;

import static eu.efus.conference.benchmarks.Summary.say;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registration benchmark: the bare MongoDB + Kafka limit, then registrations through the gateway into an empty
 * event, a fill to a large event, the same load there, a higher concurrency, and an oversell burst; prints one
 * summary and leaves Gatling's HTML report under target/gatling.
 */
public class RegistrationBenchmark extends Simulation {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    // Attempts per oversell-burst registration before its last answer is taken as final.
    private static final int MAX_ATTEMPTS = 12;
    private static final List<String> MAIN_SESSIONS = List.of(BenchEvents.PLENARY, BenchEvents.WORKSHOP);

    private final BenchConfig config = BenchConfig.load();
    private final String stamp = LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
    private final String mainCode = "BENCH-" + stamp;
    private final String oversellCode = mainCode + "-OVR";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final BenchEvents events = new BenchEvents(config, client);
    private final MongoCommands commands = new MongoCommands(client, config.registrationUrl());
    private final AtomicLong emailSequence = new AtomicLong();
    // Registrations the main event acknowledged with 201, in every phase (warm-up and fill included).
    private final AtomicLong mainCreated = new AtomicLong();
    private final AtomicInteger fillTickets = new AtomicInteger();

    private volatile PhaseStats bare;
    private final PhaseStats warmup = new PhaseStats("warm-up (empty event)", config.clients() + " clients");
    private final PhaseStats empty = new PhaseStats("empty event", config.clients() + " clients");
    private final PhaseStats fill = new PhaseStats("fill", config.fillClients() + " clients");
    private final PhaseStats full = new PhaseStats("at " + String.format("%,d", config.fillTarget()), config.clients() + " clients");
    private final PhaseStats high = new PhaseStats("at " + String.format("%,d", config.fillTarget()) + ", high", config.highClients() + " clients");
    private final PhaseStats burst = new PhaseStats("oversell burst", config.oversellBurst() + " at once");
    private final OversellCheck oversell = new OversellCheck(config.oversellCapacity(), config.oversellBurst());
    private volatile String mainEventView;

    public RegistrationBenchmark() {
        HttpProtocolBuilder protocol = http.baseUrl(config.gatewayUrl())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                // One keep-alive pool for all virtual users: each user is a new participant, but opening a TCP
                // connection per registration would measure connection set-up on 2 cores, not the registration path.
                .shareConnections()
                .disableWarmUp();

        String fillUrl = config.fillThroughGateway() ? config.gatewayUrl() : config.registrationUrl();
        Duration warm = Duration.ofSeconds(config.warmupSeconds());
        Duration measure = Duration.ofSeconds(config.durationSeconds());

        List<PopulationBuilder> steps = new ArrayList<>();
        steps.add(closed("warm-up", warmup, config.clients(), warm));
        steps.add(mark("begin empty", () -> {
            warmup.end();
            say(warmup.oneLine());
            begin(empty, "registrations into the empty event, " + config.clients() + " clients, " + measure.toSeconds() + " s");
        }));
        steps.add(closed("register (empty event)", empty, config.clients(), measure));
        steps.add(mark("end empty", () -> {
            end(empty);
            fillTickets.set((int) Math.max(0, config.fillTarget() - mainCreated.get()));
            begin(fill, "filling the event to " + config.fillTarget() + " registrations (" + fillTickets.get() + " more, "
                    + config.fillClients() + " clients, " + (config.fillThroughGateway() ? "through the gateway" : "directly to registration-service") + ")");
        }));
        steps.add(scenario("fill").exec(asLongAs(session -> fillTickets.getAndDecrement() > 0).on(
                register("fill", fillUrl, mainCode, MAIN_SESSIONS, fill, true, this::refundFillTicket)))
                .injectOpen(atOnceUsers(Math.max(1, config.fillClients()))));
        steps.add(mark("end fill", () -> {
            end(fill);
            begin(full, "registrations into the event holding " + mainCreated.get() + ", " + config.clients() + " clients, " + measure.toSeconds() + " s");
        }));
        steps.add(closed("register (full event)", full, config.clients(), measure));
        steps.add(mark("end full", () -> {
            end(full);
            begin(high, "registrations into the event holding " + mainCreated.get() + ", " + config.highClients() + " clients, " + measure.toSeconds() + " s");
        }));
        steps.add(closed("register (full event, high concurrency)", high, config.highClients(), measure));
        steps.add(mark("end high", () -> {
            end(high);
            begin(burst, "oversell burst: " + config.oversellBurst() + " registrations at once for " + config.oversellCapacity() + " seats");
        }));
        steps.add(scenario("oversell burst")
                .exec(registerWithRetries("oversell burst", config.gatewayUrl(), oversellCode, List.of(BenchEvents.OVERSELL_WORKSHOP),
                        burst, oversell))
                .injectOpen(atOnceUsers(Math.max(1, config.oversellBurst()))));
        steps.add(scenario("checks")
                .exec(session -> {
                    end(burst);
                    // The burst may have left the gateway's circuit open: wait until it answers again, so the
                    // read-back below checks the data rather than the fallback.
                    waitUntilReadable(oversellCode);
                    return session;
                })
                // A Gatling request with a check, so a failed oversell check shows in the report and fails the run.
                .exec(http("oversell check").get("/api/events/" + oversellCode)
                        .check(bodyString().transform(oversell::judge).is("PASS")))
                .exec(http("main event read-back").get("/api/events/" + mainCode).check(bodyString().saveAs("mainEvent")))
                .exec(session -> {
                    mainEventView = session.getString("mainEvent");
                    return session;
                })
                .injectOpen(atOnceUsers(1)));

        // andThen(a, b) starts a and b together; nesting makes each step wait for the whole previous one.
        PopulationBuilder chain = steps.get(steps.size() - 1);
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        setUp(chain).protocols(protocol).assertions(details("oversell check").failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        say("settings: " + config.describe());
        try {
            say("bare limit: " + config.bareThreads() + " threads, one conditional counter update + one insert + one acknowledged Kafka send per operation, "
                    + config.bareWarmupSeconds() + " s warm-up + " + config.bareSeconds() + " s");
            bare = BareLimit.run(config);
            say(bare.oneLine().replace("successful/s", "operations/s"));
            events.createMainEvent(mainCode);
            events.createOversellEvent(oversellCode);
            say("created events " + mainCode + " and " + oversellCode + " through the organiser API");
            say("warm-up: " + config.clients() + " clients for " + config.warmupSeconds() + " s into the empty event");
            warmup.begin();
        } catch (Exception e) {
            throw new IllegalStateException("Set-up failed; is the stack running (./run.sh) and reachable at "
                    + config.gatewayUrl() + "? " + e.getMessage(), e);
        }
    }

    @Override
    public void after() {
        String summary = Summary.render(config, mainCode, bare, List.of(empty, fill, full, high, burst), empty, full, high,
                oversell.verdict(), mainCreated.get(), workshopSeatsTaken());
        System.out.println(summary);
        Path file = Summary.write("benchmark-summary.txt", summary);
        say("summary written to " + file.toAbsolutePath() + "; HTML report below target/gatling/");
    }

    private void waitUntilReadable(String code) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                events.read(code);
                return;
            } catch (Exception e) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        say("the gateway did not answer GET /api/events/" + code + " with 200 within 60 s");
    }

    private long workshopSeatsTaken() {
        try {
            JsonNode event = mainEventView != null ? BenchEvents.JSON.readTree(mainEventView) : events.read(mainCode);
            JsonNode workshop = BenchEvents.session(event, BenchEvents.WORKSHOP);
            return workshop.path("capacity").asLong() - workshop.path("seatsLeft").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    private PopulationBuilder closed(String name, PhaseStats stats, int clients, Duration duration) {
        // Closed workload: a fixed number of clients, each sending its next registration as soon as it has an answer.
        return scenario(name).exec(register(name, config.gatewayUrl(), mainCode, MAIN_SESSIONS, stats, true, null))
                .injectClosed(constantConcurrentUsers(Math.max(1, clients)).during(duration));
    }

    private PopulationBuilder mark(String name, Runnable action) {
        return scenario(name).exec(session -> {
            action.run();
            return session;
        }).injectOpen(atOnceUsers(1));
    }

    private void begin(PhaseStats stats, String what) {
        say(what);
        stats.commandsBefore = commands.read();
        stats.begin();
    }

    private void end(PhaseStats stats) {
        stats.end();
        stats.commandsAfter = commands.read();
        say(stats.oneLine());
    }

    private void refundFillTicket() {
        // A failed fill registration gives its ticket back, within a bound so a broken stack cannot loop forever.
        if (fill.errors() <= Math.max(100, config.fillTarget() / 10)) {
            fillTickets.incrementAndGet();
        }
    }

    /**
     * One registration with a unique email and Idempotency-Key, timed around the request, recorded in {@code stats}
     * whatever its outcome.
     */
    private ChainBuilder register(String requestName, String baseUrl, String eventCode, List<String> sessions, PhaseStats stats,
            boolean countsForMainEvent, Runnable onFailure) {
        return prepare(sessions)
                .exec(attempt(requestName, baseUrl, eventCode, stats, false))
                .exec(session -> {
                    boolean created = session.getBoolean("created");
                    if (created && countsForMainEvent) {
                        mainCreated.incrementAndGet();
                    }
                    if (!created && onFailure != null) {
                        onFailure.run();
                    }
                    return session.removeAll("created", "key", "body");
                });
    }

    /**
     * One registration sent until it gets an answer from the service, as a careful client does: a refusal at the
     * gateway (503 while the circuit is open, 429) is retried after its Retry-After plus a random spread (so 200 clients
     * do not come back in step), with the same Idempotency-Key and body, which the API makes safe. Every attempt is
     * recorded; only the final answer goes to the oversell check.
     */
    private ChainBuilder registerWithRetries(String requestName, String baseUrl, String eventCode, List<String> sessions,
            PhaseStats stats, OversellCheck check) {
        return prepare(sessions)
                .exec(session -> session.set("attempts", 0).set("settled", false))
                .asLongAs(session -> !session.getBoolean("settled")).on(
                        exec(attempt(requestName, baseUrl, eventCode, stats, true))
                                .exec(session -> {
                                    int attempts = session.getInt("attempts") + 1;
                                    int status = session.getInt("lastStatus");
                                    boolean retry = (status == 503 || status == 429 || status == 0) && attempts < MAX_ATTEMPTS;
                                    if (!retry) {
                                        check.record(status, session.contains("answer") ? session.getString("answer") : null, attempts);
                                    }
                                    return session.set("attempts", attempts).set("settled", !retry);
                                })
                                .doIf(session -> !session.getBoolean("settled")).then(pause(session -> Duration.ofMillis(
                                        1000L * session.getInt("retryAfter") + ThreadLocalRandom.current().nextLong(2000)))))
                .exec(session -> session.removeAll("created", "key", "body", "attempts", "settled", "answer", "lastStatus", "retryAfter"));
    }

    private ChainBuilder prepare(List<String> sessions) {
        return exec(session -> session.set("key", UUID.randomUUID().toString())
                .set("body", BenchEvents.registration("bench-" + stamp.toLowerCase() + "-" + emailSequence.incrementAndGet()
                        + "@example.org", sessions)));
    }

    /** Sends the prepared registration once; leaves "created" and "lastStatus" (0: no answer) in the session. */
    private ChainBuilder attempt(String requestName, String baseUrl, String eventCode, PhaseStats stats, boolean keepAnswer) {
        HttpRequestActionBuilder request = http(requestName).post(baseUrl + "/api/events/" + eventCode + "/registrations")
                .header("Idempotency-Key", session -> session.getString("key"))
                .body(StringBody(session -> session.getString("body")))
                // Saving checks first: they keep the status (and answer) whatever the validating check below decides.
                .check(status().saveAs("status"));
        if (keepAnswer) {
            request = request.check(bodyString().saveAs("answer"), header("Retry-After").optional().saveAs("retryHeader"));
        }
        request = request.check(status().is(201));
        return exec(session -> session.removeAll("status", "answer", "retryHeader").set("t0", System.nanoTime()))
                .exec(request)
                .exec(session -> {
                    long elapsed = System.nanoTime() - session.getLong("t0");
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    boolean created = status == 201;
                    stats.record(created, status == 0 ? "no answer" : "HTTP " + status, elapsed);
                    // A failed check marks the virtual user as failed; clear it so loops and later steps go on.
                    int retryAfter = 1;
                    if (session.contains("retryHeader")) {
                        try {
                            retryAfter = Math.max(0, Math.min(30, Integer.parseInt(session.getString("retryHeader").trim())));
                        } catch (NumberFormatException e) {
                            // An HTTP date instead of seconds: keep the one-second default.
                        }
                    }
                    return session.markAsSucceeded().removeAll("status", "t0", "retryHeader").set("created", created)
                            .set("lastStatus", status).set("retryAfter", retryAfter);
                });
    }
}
