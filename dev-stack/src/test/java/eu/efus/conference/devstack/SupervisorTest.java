package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The restart decision, and the supervisor restarting (or not) tiny real processes instead of service JVMs. */
class SupervisorTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(60));

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final List<ProcessHandle> seen = new ArrayList<>();
    private volatile boolean ready = true;
    private Supervisor supervisor;

    @BeforeEach
    void posix() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
    }

    @AfterEach
    void noProcessLeftBehind() throws Exception {
        if (supervisor != null) {
            supervisor.stop(Duration.ofSeconds(5));
        }
        for (ProcessHandle handle : seen) {
            handle.onExit().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void onlyAProcessThatFailsWhileTheStackRunsIsRestarted() {
        assertEquals(Supervisor.Decision.RESTART, Supervisor.decide(true, false, 137), "SIGKILL while running");
        assertEquals(Supervisor.Decision.RESTART, Supervisor.decide(true, false, 1), "crash while running");
        assertEquals(Supervisor.Decision.STAY_DOWN, Supervisor.decide(true, false, 0), "clean exit: on-failure semantics");
        assertEquals(Supervisor.Decision.IGNORE_STOPPING, Supervisor.decide(true, true, 143), "died during shutdown");
        assertEquals(Supervisor.Decision.IGNORE_STOPPING, Supervisor.decide(false, true, 137));
        assertEquals(Supervisor.Decision.IGNORE_STARTING, Supervisor.decide(false, false, 1), "start-up reports it");
    }

    @Test
    void aKilledInstanceComesBackWithTheSameCommandAndItsNewPidIsPublished() throws Exception {
        Supervisor.Instance instance = startSleeper(FAST);
        supervisor.supervise();
        long firstPid = instance.process().pid();
        assertTrue(instancesJson().contains("\"pid\": " + firstPid), instancesJson());

        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly(); // SIGKILL, as a test of the real stack does

        await(() -> printed().contains("serving again"), "serving again");
        long secondPid = instance.process().pid();
        assertNotEquals(firstPid, secondPid);
        seen.add(instance.process().process().toHandle());
        assertTrue(instance.process().process().info().commandLine().orElse("sleep 60").endsWith("sleep 60"),
                "same command");
        assertTrue(printed().contains("sleeper#2 (pid " + firstPid + ") exited with code 137; restarting in 0.10 s (restart 1)"),
                printed());
        assertTrue(printed().contains("INSTANCE sleeper#2 pid=" + secondPid + " port=18091"), printed());
        await(() -> instancesJson().contains("\"pid\": " + secondPid + ", \"state\": \"UP\", \"restarts\": 1"),
                "instances.json shows the new pid, UP");
        assertTrue(Files.readString(instance.log()).contains("---- dev-stack: restart 1 of sleeper#2"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void instancesJsonIsJsonWithEveryFieldATestNeeds() throws Exception {
        Supervisor.Instance instance = startSleeper(FAST);
        supervisor.markReady(instance);

        // YAML 1.1 reads JSON; snakeyaml is already a test dependency
        Map<String, Object> root = new Yaml().load(instancesJson());
        assertEquals(ProcessHandle.current().pid(), ((Number) root.get("launcherPid")).longValue());
        List<Map<String, Object>> instances = (List<Map<String, Object>>) root.get("instances");
        assertEquals(1, instances.size(), instancesJson());
        Map<String, Object> entry = instances.get(0);
        assertEquals("sleeper#2", entry.get("name"));
        assertEquals("sleeper", entry.get("service"));
        assertEquals(2, entry.get("instance"));
        assertEquals(18091, entry.get("port"));
        assertEquals("http://localhost:18091", entry.get("url"));
        assertEquals(instance.process().pid(), ((Number) entry.get("pid")).longValue());
        assertEquals("UP", entry.get("state"));
        assertEquals(0, entry.get("restarts"));
        assertEquals(instance.log().toString(), entry.get("log"));
    }

    @Test
    void anInstanceThatKeepsFailingWaitsLongerEachTime() throws Exception {
        Supervisor.Instance instance = start(FAST, List.of("/bin/sh", "-c", "sleep 0.2; exit 3"));
        supervisor.supervise();

        await(() -> printed().contains("(restart 4)"), "four restarts");
        String printed = printed();
        assertTrue(printed.contains("exited with code 3; restarting in 0.10 s (restart 1)"), printed);
        assertTrue(printed.contains("exited with code 3; restarting in 0.20 s (restart 2)"), printed);
        assertTrue(printed.contains("exited with code 3; restarting in 0.40 s (restart 3)"), printed);
        assertTrue(printed.contains("exited with code 3; restarting in 0.40 s (restart 4)"), printed);
        assertFalse(printed.contains("serving again"), "never stayed up long enough to be probed ready: " + printed);
        assertTrue(instance.restarts >= 4);
    }

    @Test
    void aCleanExitIsNotRestarted() throws Exception {
        start(FAST, List.of("/bin/sh", "-c", "sleep 0.3; exit 0"));
        supervisor.supervise();

        await(() -> printed().contains("exited with code 0; not restarted"), "clean exit reported");
        Thread.sleep(300);
        assertEquals(1, count("INSTANCE "), printed());
        assertTrue(instancesJson().contains("\"state\": \"EXITED\""), instancesJson());
    }

    @Test
    void nothingIsRestartedWhileTheStackIsStillStarting() throws Exception {
        Supervisor.Instance instance = startSleeper(FAST);
        instance.process().process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        Thread.sleep(300);
        assertEquals(1, count("INSTANCE "), "the start-up wait reports it instead: " + printed());
    }

    @Test
    void aDeathBetweenStartUpAndSupervisionIsNotMissed() throws Exception {
        Supervisor.Instance instance = startSleeper(FAST);
        supervisor.markReady(instance);
        instance.process().process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        Thread.sleep(100);

        supervisor.supervise();

        await(() -> count("INSTANCE ") == 2, "restarted by supervise()");
        seen.add(instance.process().process().toHandle());
    }

    @Test
    void stoppingTheStackRestartsNothingAndLeavesNothingBehind() throws Exception {
        Supervisor.Instance instance = startSleeper(FAST);
        supervisor.supervise();
        ProcessHandle process = instance.process().process().toHandle();

        supervisor.stop(Duration.ofSeconds(5)); // SIGTERM: the process dies during shutdown

        assertFalse(process.isAlive());
        Thread.sleep(300); // longer than the backoff: a wrongly scheduled restart would have happened
        assertEquals(1, count("INSTANCE "), printed());
        assertFalse(printed().contains("restarting"), printed());
        assertFalse(Files.exists(dir.resolve("instances.json")), "removed: its pids are gone");
        assertFalse(Files.exists(dir.resolve("run").resolve("sleeper-2.pid")));
    }

    @Test
    void stoppingCancelsARestartThatIsWaitingForItsBackoff() throws Exception {
        Backoff slow = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(60));
        Supervisor.Instance instance = startSleeper(slow);
        supervisor.supervise();
        instance.process().process().destroyForcibly();
        await(() -> printed().contains("restarting in 0.50 s (restart 1)"), "restart scheduled");

        supervisor.stop(Duration.ofSeconds(5));

        Thread.sleep(800);
        assertEquals(1, count("INSTANCE "), "the scheduled restart was cancelled: " + printed());
        assertEquals(Supervisor.State.STOPPED, instance.state);
    }

    @Test
    void startRefusesOnceStopping() throws Exception {
        supervisor = supervisor(FAST);
        Supervisor.Instance instance = supervisor.add("sleeper", "sleeper#1", 1, 18081, List.of("sleep", "60"),
                dir.resolve("logs").resolve("sleeper.log"), "sleeper");
        supervisor.stop(Duration.ofSeconds(1));
        try {
            supervisor.start(instance);
            fail("started while stopping");
        } catch (Supervisor.StoppingException expected) {
            // the launcher turns this into "stopping, no error"
        }
        assertEquals(0, count("INSTANCE "));
    }

    // ---------------------------------------------------------------- helpers

    private Supervisor.Instance startSleeper(Backoff backoff) throws Exception {
        return start(backoff, List.of("sleep", "60"));
    }

    private Supervisor.Instance start(Backoff backoff, List<String> command) throws Exception {
        supervisor = supervisor(backoff);
        Supervisor.Instance instance = supervisor.add("sleeper", "sleeper#2", 2, 18091, command,
                dir.resolve("logs").resolve("sleeper-2.log"), "sleeper-2");
        supervisor.start(instance);
        seen.add(instance.process().process().toHandle());
        return instance;
    }

    private Supervisor supervisor(Backoff backoff) {
        return new Supervisor(dir, dir.resolve("run"), dir.resolve("instances.json"), backoff, instance -> ready, out,
                Duration.ofSeconds(30));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private long count(String text) {
        return printed().lines().filter(line -> line.contains(text)).count();
    }

    private String instancesJson() {
        try {
            return Files.readString(dir.resolve("instances.json"));
        } catch (Exception e) {
            return "(" + e + ")";
        }
    }

    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; output:\n" + printed() + "\ninstances.json:\n" + instancesJson());
            }
            Thread.sleep(20);
        }
    }
}
