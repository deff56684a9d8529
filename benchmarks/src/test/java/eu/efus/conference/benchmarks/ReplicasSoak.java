package eu.efus.conference.benchmarks;

import static eu.efus.conference.benchmarks.Summary.say;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several instances that die under load: registrations at a fixed pace through the gateway, each with its own
 * Idempotency-Key, while one service instance after another is killed with SIGKILL, against a stack started with
 * {@code REPLICAS=2 ./run.sh}. Then: did every request succeed, is every accepted registration confirmed by exactly
 * one email, do seats and the waiting list add up, and how soon did each killed instance serve again.
 *
 * <p>Instances are found, and their return watched, through the launcher's {@code $DATA_DIR/instances.json}.
 */
public class ReplicasSoak extends Simulation {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String REQUEST = "register (first attempt)";
    private static final String REPEAT = "register (same key again)";

    private final BenchConfig config = BenchConfig.load();
    private final EmailConfig mail = EmailConfig.load();
    private final Path instancesFile = Path.of(BenchConfig.text("BENCH_DATA_DIR", ".data")).toAbsolutePath()
            .resolve("instances.json");
    private final int rate = BenchConfig.number("BENCH_SOAK_RATE", 20);
    private final int seconds = BenchConfig.number("BENCH_SOAK_SECONDS", 75);
    private final int seats = BenchConfig.number("BENCH_SOAK_SEATS", 60);
    private final int firstKill = BenchConfig.number("BENCH_KILL_FIRST", 10);
    private final int killEvery = BenchConfig.number("BENCH_KILL_EVERY", 20);
    private final List<String> victims = List.of(BenchConfig.text("BENCH_KILL_ORDER",
            "registration-service#1,notification-service#2,accreditation-service#1,registration-service#2").split("\\s*,\\s*"));

    private final String stamp = LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
    private final String eventCode = "SOAK-" + stamp;
    private final String prefix = "soak-" + stamp.toLowerCase() + "-";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final BenchEvents events = new BenchEvents(config, client);
    private final Inbox inbox = new Inbox(client, mail.mailWebUrl());

    private final PhaseStats first = new PhaseStats("first attempts", rate + "/s open");
    private final PhaseStats repeats = new PhaseStats("repeated by client", "same key");
    private final AtomicInteger sequence = new AtomicInteger();
    /** Address → the final answer's status (0: no answer). */
    private final Map<String, Integer> finalStatus = new ConcurrentHashMap<>();
    private final List<Integer> positions = new CopyOnWriteArrayList<>();
    private final AtomicInteger confirmed = new AtomicInteger();
    private final List<Kill> kills = new CopyOnWriteArrayList<>();
    private volatile Thread killer;
    private volatile String verdict = "not run";

    /** One SIGKILL: which instance, its pid, when; and when the same name served again with another pid. */
    static final class Kill {
        final String name;
        final long pid;
        final long atNanos;
        final double atSecond;
        volatile double backAfterSeconds = Double.NaN;
        volatile long newPid;

        Kill(String name, long pid, long atNanos, double atSecond) {
            this.name = name;
            this.pid = pid;
            this.atNanos = atNanos;
            this.atSecond = atSecond;
        }
    }

    public ReplicasSoak() {
        HttpProtocolBuilder protocol = http.baseUrl(config.gatewayUrl())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .shareConnections()
                .disableWarmUp();
        PopulationBuilder prepare = step("prepare", this::prepare);
        PopulationBuilder load = scenario("registrations").exec(register())
                .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds)));
        PopulationBuilder check = scenario("replicas check")
                .exec(session -> {
                    verdict = check();
                    return session;
                })
                .exec(http("replicas check").get(mail.mailWebUrl() + "/api/messages/1")
                        .check(status().transform(ignored -> verdict).is("PASS")))
                .injectOpen(atOnceUsers(1));
        setUp(prepare.andThen(load.andThen(check))).protocols(protocol)
                .assertions(details("replicas check").failedRequests().count().is(0L));
    }

    private PopulationBuilder step(String name, Runnable action) {
        return scenario(name).exec(session -> {
            action.run();
            return session;
        }).injectOpen(atOnceUsers(1));
    }

    // ---------------------------------------------------------------- before the load

    private void prepare() {
        try {
            Map<String, List<JsonNode>> byService = new TreeMap<>();
            for (JsonNode i : instances()) {
                byService.computeIfAbsent(i.path("service").asText(), k -> new ArrayList<>()).add(i);
            }
            for (String victim : victims) {
                String service = serviceOf(victim);
                List<JsonNode> list = byService.getOrDefault(service, List.of());
                if (list.size() < 2) {
                    throw new IllegalStateException(instancesFile + " lists " + list.size() + " instance(s) of " + service
                            + ": start the stack with REPLICAS=2 ./run.sh (and BENCH_DATA_DIR pointing at its DATA_DIR)");
                }
                instance(victim); // every victim exists
            }
            events.createOneWorkshopEvent(eventCode, "Replicas soak", seats);
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the soak: " + e.getMessage(), e);
        }
        say("soak: " + rate + " registrations/s through the gateway for " + seconds + " s into " + eventCode + " (one workshop, "
                + seats + " seats), each with its own Idempotency-Key; SIGKILL to " + victims + ", the first after "
                + firstKill + " s, then every " + killEvery + " s");
        first.begin();
        repeats.begin();
        killer = new Thread(this::killInstances, "instance-killer");
        killer.setDaemon(true);
        killer.start();
    }

    // ---------------------------------------------------------------- the load

    /**
     * One registration; when its answer is not a 201 (or there is none), the client sends the same request with the
     * same key once more, as the API asks of a client whose call was cut off. Both attempts are counted apart.
     */
    private ChainBuilder register() {
        return exec(session -> {
            String email = prefix + sequence.incrementAndGet() + "@example.org";
            return session.set("email", email).set("key", "soak-" + email)
                    .set("body", BenchEvents.registration(email, List.of(BenchEvents.OVERSELL_WORKSHOP)))
                    .set("t0", System.nanoTime());
        })
                .exec(attempt(REQUEST))
                .exec(session -> settle(session, first))
                .exec(doIf(session -> session.getInt("status") != 201).then(
                        exec(session -> session.set("t0", System.nanoTime()))
                                .exec(attempt(REPEAT))
                                .exec(session -> settle(session, repeats))));
    }

    private ChainBuilder attempt(String name) {
        return exec(session -> session.remove("status").remove("answer"))
                .exec(http(name).post("/api/events/" + eventCode + "/registrations")
                        .header("Idempotency-Key", session -> session.getString("key"))
                        .body(StringBody(session -> session.getString("body")))
                        .check(status().saveAs("status"))
                        .check(bodyString().saveAs("answer"))
                        .check(status().is(201)));
    }

    private Session settle(Session session, PhaseStats stats) {
        int status = session.contains("status") ? session.getInt("status") : 0;
        stats.record(status == 201, status == 0 ? "no answer" : "HTTP " + status, System.nanoTime() - session.getLong("t0"));
        String email = session.getString("email");
        finalStatus.put(email, status);
        if (status == 201) {
            try {
                JsonNode workshop = BenchEvents.JSON.readTree(session.getString("answer")).path("sessions").path(0);
                if ("CONFIRMED".equals(workshop.path("status").asText())) {
                    confirmed.incrementAndGet();
                } else {
                    positions.add(workshop.path("waitlistPosition").asInt(-1));
                }
            } catch (Exception e) {
                positions.add(-1);
            }
        }
        // A failed check marks the virtual user as failed; the outcome is recorded here instead.
        return session.markAsSucceeded().set("status", status);
    }

    // ---------------------------------------------------------------- the kills

    private void killInstances() {
        long start = System.nanoTime();
        int next = 0;
        long deadline = start + Duration.ofSeconds(seconds + 120L).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (next < victims.size() && elapsed >= firstKill + (double) next * killEvery && elapsed < seconds) {
                    String victim = victims.get(next++);
                    JsonNode target = instance(victim);
                    boolean otherUp = instances().stream()
                            .filter(i -> serviceOf(victim).equals(i.path("service").asText()) && !victim.equals(i.path("name").asText()))
                            .anyMatch(i -> "UP".equals(i.path("state").asText()));
                    long pid = target.path("pid").asLong();
                    if (ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
                        Kill kill = new Kill(victim, pid, System.nanoTime(), elapsed);
                        kills.add(kill);
                        say(String.format("SIGKILL %s (pid %d) at %.1f s%s", victim, pid, elapsed,
                                otherUp ? "" : " — its other instance was not UP"));
                    } else {
                        say("could not kill " + victim + " (pid " + pid + ")");
                    }
                }
                for (Kill kill : kills) {
                    if (Double.isNaN(kill.backAfterSeconds)) {
                        JsonNode now = instance(kill.name);
                        long pid = now.path("pid").asLong();
                        if (pid != kill.pid && "UP".equals(now.path("state").asText())) {
                            kill.newPid = pid;
                            kill.backAfterSeconds = (System.nanoTime() - kill.atNanos) / 1e9;
                            say(String.format("%s serving again (pid %d), %.1f s after its SIGKILL", kill.name, pid,
                                    kill.backAfterSeconds));
                        }
                    }
                }
                boolean allBack = kills.stream().noneMatch(k -> Double.isNaN(k.backAfterSeconds));
                boolean killsOver = next >= victims.size() || elapsed >= seconds;
                if (killsOver && allBack) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            say("instance killer stopped: " + e);
        }
    }

    private List<JsonNode> instances() throws Exception {
        String text;
        try {
            text = Files.readString(instancesFile);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(instancesFile + " does not exist: start the stack with REPLICAS=2 ./run.sh, "
                    + "and point BENCH_DATA_DIR at its DATA_DIR");
        }
        List<JsonNode> list = new ArrayList<>();
        BenchEvents.JSON.readTree(text).path("instances").forEach(list::add);
        return list;
    }

    private JsonNode instance(String name) throws Exception {
        return instances().stream().filter(i -> name.equals(i.path("name").asText())).findFirst()
                .orElseThrow(() -> new IllegalStateException(instancesFile + " has no instance " + name));
    }

    private static String serviceOf(String victim) {
        int hash = victim.indexOf('#');
        return hash < 0 ? victim : victim.substring(0, hash);
    }

    // ---------------------------------------------------------------- after the load

    private String check() {
        first.end();
        repeats.end();
        List<String> problems = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        try {
            killer.join(Duration.ofSeconds(150).toMillis());
            int sent = sequence.get();
            long failed = finalStatus.values().stream().filter(s -> s != 201).count();
            long accepted = finalStatus.values().stream().filter(s -> s == 201).count();
            out.append('\n').append(Summary.DOUBLE_RULE).append('\n')
                    .append("Replicas soak summary (event ").append(eventCode).append(")\n").append(Summary.RULE).append('\n')
                    .append(Summary.PHASE_HEADER).append('\n')
                    .append(row(first)).append('\n').append(row(repeats)).append('\n').append(Summary.RULE).append('\n');
            line(out, "registrations sent", sent + " (" + rate + "/s for " + seconds + " s)");
            line(out, "failed after the client's one repeat", failed + (failed == 0 ? "" : " " + kinds()));
            line(out, "answers the client had to repeat", repeats.requests() + " (errors of the first attempts: "
                    + (first.errors() == 0 ? "none" : first.errorKinds().toString()) + ")");
            if (failed > 0) {
                problems.add(failed + " registrations failed");
            }
            if (repeats.requests() > 0) {
                problems.add(repeats.requests() + " first attempts failed (the gateway should have repeated them)");
            }

            line(out, "instances killed", kills.size() + " of " + victims.size() + " planned");
            for (Kill kill : kills) {
                line(out, "  " + kill.name, String.format("SIGKILL pid %d at %.1f s; %s", kill.pid, kill.atSecond,
                        Double.isNaN(kill.backAfterSeconds) ? "NOT serving again"
                                : String.format("serving again after %.1f s (pid %d)", kill.backAfterSeconds, kill.newPid)));
                if (Double.isNaN(kill.backAfterSeconds) || kill.backAfterSeconds > 30) {
                    problems.add(kill.name + " was not serving again within 30 s");
                }
            }
            if (kills.size() < victims.size()) {
                problems.add("only " + kills.size() + " of " + victims.size() + " kills happened");
            }

            // Seats and the waiting list, from the answers and from the event read back.
            JsonNode workshop = BenchEvents.session(events.read(eventCode), BenchEvents.OVERSELL_WORKSHOP);
            long expectedWaiting = Math.max(0, accepted - seats);
            List<Integer> sorted = new ArrayList<>(positions);
            sorted.sort(null);
            long distinct = sorted.stream().distinct().count();
            boolean inRange = sorted.stream().allMatch(p -> p >= 1 && p <= expectedWaiting);
            line(out, "workshop: confirmed answers / seats", confirmed.get() + " / " + seats);
            line(out, "workshop: waitlisted answers / places told (distinct)", positions.size() + " / " + distinct
                    + (inRange ? " (all within 1.." + expectedWaiting + ")" : " (SOME OUT OF RANGE)"));
            line(out, "workshop read back: seats left / waiting list", workshop.path("seatsLeft").asInt() + " / "
                    + workshop.path("waitlistLength").asInt() + " (expected 0 / " + expectedWaiting + ")");
            if (confirmed.get() != Math.min(seats, accepted)) {
                problems.add(confirmed.get() + " confirmed for " + seats + " seats");
            }
            if (workshop.path("seatsLeft").asInt() != Math.max(0, seats - accepted)
                    || workshop.path("waitlistLength").asInt() != expectedWaiting) {
                problems.add("the workshop read back does not match the answers");
            }
            if (!inRange || positions.size() != expectedWaiting || distinct != positions.size()) {
                problems.add("waiting-list places do not add up");
            }

            // Emails: a marker registration after the load; once its email is in, everything before it had its turn.
            String marker = prefix + "marker@example.org";
            int markerStatus = client.send(HttpRequest.newBuilder(URI.create(config.gatewayUrl()
                            + "/api/events/" + eventCode + "/registrations")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "soak-" + marker)
                    .POST(HttpRequest.BodyPublishers.ofString(BenchEvents.registration(marker,
                            List.of(BenchEvents.OVERSELL_WORKSHOP)))).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (markerStatus != 201) {
                problems.add("the marker registration answered " + markerStatus);
            }
            Map<String, Integer> perAddress = Map.of();
            long waitStart = System.nanoTime();
            while (System.nanoTime() - waitStart < Duration.ofSeconds(300).toNanos()) {
                perAddress = emailsPerAddress();
                if (perAddress.containsKey(marker) && perAddress.size() >= accepted + 1) {
                    break;
                }
                Thread.sleep(2000);
            }
            // A duplicate sent after the marker's email would still show: wait a little longer and read again.
            Thread.sleep(5000);
            Map<String, Integer> emails = emailsPerAddress();
            long missing = finalStatus.entrySet().stream().filter(e -> e.getValue() == 201)
                    .filter(e -> !emails.containsKey(e.getKey().toLowerCase())).count();
            long duplicated = emails.values().stream().filter(n -> n > 1).count();
            long unexpected = emails.keySet().stream().filter(a -> !a.equals(marker))
                    .filter(a -> !Integer.valueOf(201).equals(finalStatus.get(a))).count();
            line(out, "emails: accepted registrations / with their email", accepted + " / " + (accepted - missing)
                    + (emails.containsKey(marker) ? " (marker email arrived)" : " (MARKER EMAIL MISSING)"));
            line(out, "emails: addresses with more than one / to failed requests", duplicated + " / " + unexpected);
            if (missing > 0 || !emails.containsKey(marker)) {
                problems.add(missing + " accepted registrations have no email");
            }
            if (duplicated > 0) {
                problems.add(duplicated + " addresses got more than one email");
            }
            if (unexpected > 0) {
                problems.add(unexpected + " emails went to registrations whose client got an error");
            }
        } catch (Exception e) {
            problems.add("the check itself failed: " + e);
        }
        String result = problems.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", problems);
        line(out, "verdict", result);
        out.append(Summary.DOUBLE_RULE).append('\n');
        System.out.print(out);
        say("summary written to " + Summary.write("replicas-summary.txt", out.toString()));
        return problems.isEmpty() ? "PASS" : "FAIL";
    }

    private String kinds() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        finalStatus.values().stream().filter(s -> s != 201).forEach(s -> byStatus.merge(s, 1L, Long::sum));
        return byStatus.toString();
    }

    private Map<String, Integer> emailsPerAddress() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (Inbox.Mail m : inbox.list(prefix)) {
            counts.merge(m.address(), 1, Integer::sum);
        }
        return counts;
    }

    private static String row(PhaseStats s) {
        return String.format("%-22s %-14s %9d %7d %10.1f %9.1f %9.1f %9.1f", s.name, s.load, s.requests(), s.errors(),
                s.successesPerSecond(), s.percentileMillis(50), s.percentileMillis(95), s.percentileMillis(99));
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-58s %s%n", label + ":", value));
    }
}
