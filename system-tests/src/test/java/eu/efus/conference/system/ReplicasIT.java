package eu.efus.conference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.testsupport.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of every service, started as {@code REPLICAS=2 ./run.sh} starts them, under a paced load while
 * instances are killed with SIGKILL: no request fails, every registration is confirmed by exactly one email, seats
 * and waiting lists add up, and the launcher brings each killed instance back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RATE = 20;
    private static final int SECONDS = 55;
    private static final int WORKSHOP_SEATS = 60;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Stack stack;

    @BeforeAll
    void startStack() throws Exception {
        Path data = Path.of("target", "replicas-data-" + System.currentTimeMillis()).toAbsolutePath();
        stack = new Stack(data).start(Map.of("REPLICAS", "2", "CONFERENCE_GATEWAY_PUBLIC_WRITE_RATE_LIMIT", "0"));
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killingInstancesUnderLoadLosesNoRequestAndSendsEachConfirmationOnce() throws Exception {
        String code = OneWorkshopEvent.create(stack, "REPL", WORKSHOP_SEATS);
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<Integer, CompletableFuture<HttpResponse<String>>> answers = new ConcurrentHashMap<>();
        ScheduledExecutorService pace = Executors.newScheduledThreadPool(2);
        long period = 1_000_000_000L / RATE;
        var sender = pace.scheduleAtFixedRate(() -> {
            int n = answers.size();
            if (n < RATE * SECONDS) {
                answers.put(n, register(code, "r" + run + "n" + n));
            }
        }, 0, period, TimeUnit.NANOSECONDS);

        // Instances killed one after another while the load runs, about every 17 s (the first after 8 s), each only
        // once the other instance of its service serves (two instances of a service dead at once is an outage
        // whatever the gateway does). A mail sender killed in the middle of an SMTP transaction may send that email
        // again: notification-service's own tests bound that case, and the replicas soak in the benchmarks module
        // kills notification-service instances too; this test kills registration and accreditation instances.
        List<String> victims = List.of("registration-service#1", "accreditation-service#2", "registration-service#2");
        long loadStart = System.nanoTime();
        Map<String, Long> killedAt = new ConcurrentHashMap<>();
        Map<String, Double> backAfter = new ConcurrentHashMap<>();
        Thread killer = new Thread(() -> {
            try {
                for (int k = 0; k < victims.size(); k++) {
                    String victim = victims.get(k);
                    String service = victim.substring(0, victim.indexOf('#'));
                    long due = loadStart + Duration.ofSeconds(8 + 17L * k).toNanos();
                    await().atMost(Duration.ofSeconds(SECONDS)).pollInterval(Duration.ofMillis(200)).until(() -> {
                        watchReturns(killedAt, backAfter);
                        return System.nanoTime() >= due && instances().stream()
                                .filter(i -> service.equals(i.get("service").asString()))
                                .allMatch(i -> "UP".equals(i.get("state").asString()));
                    });
                    long pid = instance(victim).get("pid").asLong();
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    killedPid.put(victim, pid);
                    killedAt.put(victim, System.nanoTime());
                }
                // Each killed instance serves again: the launcher restarted it and it answers its readiness probe.
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    watchReturns(killedAt, backAfter);
                    return backAfter.size() == victims.size();
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "instance-killer");
        killer.setDaemon(true);
        killer.start();
        await().atMost(Duration.ofSeconds(SECONDS + 30)).until(() -> answers.size() >= RATE * SECONDS);
        long loadEnd = System.nanoTime();
        sender.cancel(false);
        killer.join(Duration.ofSeconds(150).toMillis());
        assertThat(killedAt).as("instances killed").hasSize(victims.size());
        assertThat(killedAt.values()).as("every kill happened while the load ran").allMatch(t -> t < loadEnd);
        pace.shutdown();

        List<Integer> failed = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int confirmedSeats = 0;
        for (var entry : answers.entrySet()) {
            HttpResponse<String> answer = entry.getValue().get(60, TimeUnit.SECONDS);
            if (answer.statusCode() != 201) {
                failed.add(entry.getKey());
                continue;
            }
            JsonNode session = JSON.readTree(answer.body()).get("sessions").get(0);
            if ("CONFIRMED".equals(session.get("status").asString())) {
                confirmedSeats++;
            } else {
                positions.add(session.get("waitlistPosition").asInt());
            }
        }
        System.out.println("Registrations sent: " + answers.size() + ", answers cut off and repeated by the client: "
                + clientRepeats.get());
        assertThat(failed).as("requests that did not get 201").isEmpty();
        assertThat(clientRepeats.get()).as("calls the gateway let fail, repeated by the client").isZero();
        Collections.sort(positions);
        int waiting = answers.size() - WORKSHOP_SEATS;
        assertThat(confirmedSeats).isEqualTo(WORKSHOP_SEATS);
        assertThat(positions).hasSize(waiting).allSatisfy(p -> assertThat(p).isBetween(1, waiting));
        // A request cut off between taking its place in line and writing its ticket gets a new ticket at the end
        // when repeated, so the places told meanwhile to those behind it can be one too high: counted, not hidden.
        long repeatedPlaces = positions.size() - positions.stream().distinct().count();
        System.out.println("Waiting-list places told twice after cut-off requests: " + repeatedPlaces);
        JsonNode workshop = Http.call(stack.gateway(), "GET", "/api/events/" + code, null).body().get("sessions").get(0);
        assertThat(workshop.get("seatsLeft").asInt()).isZero();
        assertThat(workshop.get("waitlistLength").asInt()).isEqualTo(waiting);

        System.out.println("Instances serving again after their SIGKILL (s, polled every 200 ms): " + backAfter);
        assertThat(backAfter).as("killed instances serving again").hasSize(victims.size());
        // The target is 30 s; the replicas soak (benchmarks) measures it with the load alone on the machine: 7 to 16 s.
        // Here a JVM restarts on 2 cores shared with the whole stack under load and the build around it, which has
        // taken up to 30.3 s: the bound leaves that margin and still catches a restart that hangs or backs off.
        assertThat(backAfter.values()).as("seconds from SIGKILL to serving again").allMatch(t -> t <= 45);

        // Every registration's confirmation arrives once. The marker: a registration made after the load, whose
        // email arriving shows the pipeline got past everything sent before it.
        String marker = "marker" + run;
        assertThat(register(code, marker).get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, Integer> perRecipient = emailsPerRecipient(run);
            return perRecipient.containsKey(marker + "@example.org") && perRecipient.size() == answers.size() + 1;
        });
        Map<String, Integer> perRecipient = emailsPerRecipient(run);
        assertThat(perRecipient).hasSize(answers.size() + 1);
        assertThat(perRecipient.values()).as("emails per registration").containsOnly(1);
        assertThat(instances()).allSatisfy(i -> assertThat(i.get("state").asString()).isEqualTo("UP"));
    }

    private Map<String, Integer> emailsPerRecipient(String run) throws Exception {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + stack.ports.get("MAIL_WEB_PORT") + "/api/messages")).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode message : JSON.readTree(list.body())) {
            String to = message.get("to").asString().toLowerCase();
            if (to.contains("r" + run) || to.contains("marker" + run)) {
                String address = to.replaceAll(".*?([a-z0-9.+-]+@example\\.org).*", "$1");
                counts.merge(address, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Answers cut off after the gateway had started relaying them (see {@link #register}). */
    private final java.util.concurrent.atomic.AtomicInteger clientRepeats = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * One registration with its Idempotency-Key. An instance killed while its answer is already on the way to the
     * client breaks that answer, which the gateway can no longer repeat; the client does what the API asks of it
     * then: it sends the same request with the same key again (once), and gets the first answer.
     */
    private CompletableFuture<HttpResponse<String>> register(String code, String name) {
        return send(code, name).handle((answer, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(answer);
            }
            clientRepeats.incrementAndGet();
            return send(code, name);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<HttpResponse<String>> send(String code, String name) {
        String body = """
                {"firstName":"Rita","lastName":"Example","email":"%s@example.org","organisation":"City of Liège",
                 "country":"BE","category":"LOCAL_AUTHORITY","language":"fr","sessions":["W-SMALL"],
                 "dietaryRequirements":null,"accessibilityNeeds":null,"consents":{"privacyPolicy":true,"photography":false}}
                """.formatted(name);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/events/" + code + "/registrations"))
                .timeout(Duration.ofSeconds(45)).header("Content-Type", "application/json")
                .header("Idempotency-Key", "key-" + name).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private final Map<String, Long> killedPid = new ConcurrentHashMap<>();

    /** Records, for each killed instance not yet back, the seconds until it shows a new pid in state UP. */
    private void watchReturns(Map<String, Long> killedAt, Map<String, Double> backAfter) throws Exception {
        for (var kill : killedAt.entrySet()) {
            if (!backAfter.containsKey(kill.getKey())) {
                JsonNode now = instance(kill.getKey());
                if (now.get("pid").asLong() != killedPid.get(kill.getKey()) && "UP".equals(now.get("state").asString())) {
                    backAfter.put(kill.getKey(), (System.nanoTime() - kill.getValue()) / 1e9);
                }
            }
        }
    }

    private List<JsonNode> instances() throws Exception {
        JsonNode file = JSON.readTree(Files.readString(stack.dataDir.resolve("instances.json")));
        List<JsonNode> list = new ArrayList<>();
        file.get("instances").forEach(list::add);
        return list;
    }

    private JsonNode instance(String name) throws Exception {
        return instances().stream().filter(i -> name.equals(i.get("name").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no instance " + name));
    }

}
