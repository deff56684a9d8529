package eu.efus.conference.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the service instances and keeps them running: once {@link #supervise()} was called, an instance whose
 * process exits with a non-zero code is started again with the same command (after a {@link Backoff}), the way
 * Compose's {@code restart: on-failure} does, until {@link #stop(Duration)}. Every start and state change is
 * written to {@code instances.json} so that scripts and tests can find each instance's current pid.
 */
final class Supervisor {

    /** What to do about an instance whose process exited. */
    enum Decision {
        /** exited with a non-zero code (crash, OOM, SIGKILL) while the stack runs: start it again */
        RESTART,
        /** exited with code 0: it meant to stop, so it stays down, as with {@code restart: on-failure} */
        STAY_DOWN,
        /** the stack is stopping: this is the launcher's own doing */
        IGNORE_STOPPING,
        /** the stack is still starting: the start-up wait reports it and the launch fails with its log */
        IGNORE_STARTING
    }

    /** Where an instance is; written to {@code instances.json}. */
    enum State {
        /** its process runs and its readiness endpoint has not answered UP yet */
        STARTING,
        /** its readiness endpoint answered UP */
        UP,
        /** its process exited; a restart is scheduled */
        RESTARTING,
        /** its process exited and it is not restarted */
        EXITED,
        /** stopped by the launcher */
        STOPPED
    }

    /** Answers whether an instance is ready (its readiness endpoint says UP); called off the supervisor's lock. */
    interface Probe {
        boolean isReady(Instance instance);
    }

    /** Thrown by {@link #start} once the stack is stopping. */
    static final class StoppingException extends RuntimeException {
        StoppingException() {
            super("stopping", null, false, false);
        }
    }

    /** The decision for a process exit; the only place where "restart or not" is decided. */
    static Decision decide(boolean supervising, boolean stopping, int exitCode) {
        if (stopping) {
            return Decision.IGNORE_STOPPING;
        }
        if (!supervising) {
            return Decision.IGNORE_STARTING;
        }
        return exitCode == 0 ? Decision.STAY_DOWN : Decision.RESTART;
    }

    private static final Duration POLL = Duration.ofMillis(500);

    private final Path workDir;
    private final Path runDir;
    private final Path instancesFile;
    private final Backoff backoff;
    private final Probe probe;
    private final PrintStream out;
    private final Duration readyTimeout;
    private final ScheduledThreadPoolExecutor executor;
    private final Object lock = new Object();
    private volatile boolean stopping;

    // guarded by lock
    private final List<Instance> instances = new ArrayList<>();
    private boolean supervising;
    private boolean fileWarningPrinted;

    Supervisor(Path workDir, Path runDir, Path instancesFile, Backoff backoff, Probe probe, PrintStream out,
            Duration readyTimeout) {
        this.workDir = workDir;
        this.runDir = runDir;
        this.instancesFile = instancesFile;
        this.backoff = backoff;
        this.probe = probe;
        this.out = out;
        this.readyTimeout = readyTimeout;
        AtomicInteger threads = new AtomicInteger();
        // two threads: a readiness poll that waits for its HTTP timeout must not delay another instance's restart
        this.executor = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "dev-stack-supervisor-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Registers an instance (not started yet). {@code fileStem} names its log and pid file. */
    Instance add(String service, String name, int number, int port, List<String> command, Path log, String fileStem) {
        Instance instance = new Instance(service, name, number, port, List.copyOf(command), log, fileStem);
        synchronized (lock) {
            instances.add(instance);
        }
        return instance;
    }

    /** Starts an instance for the first time; throws {@link StoppingException} once the stack is stopping. */
    void start(Instance instance) throws IOException {
        synchronized (lock) {
            if (stopping) {
                throw new StoppingException();
            }
            launch(instance);
        }
    }

    /** The start-up wait saw the instance ready. */
    void markReady(Instance instance) {
        synchronized (lock) {
            if (instance.state == State.STARTING) {
                instance.state = State.UP;
                writeInstances();
            }
        }
    }

    /**
     * From now on an instance that dies is restarted. One that died after the start-up wait saw it ready and
     * before this call is handled now, so no death falls between the two phases.
     */
    void supervise() {
        long now = System.nanoTime();
        synchronized (lock) {
            if (stopping) {
                return;
            }
            supervising = true;
            for (Instance instance : instances) {
                ChildProcess child = instance.process;
                if (child != null && !child.isAlive() && instance.state != State.RESTARTING
                        && instance.state != State.EXITED) {
                    exited(instance, child, now);
                }
            }
        }
    }

    /** A snapshot of the instances, in the order they were added. */
    List<Instance> instances() {
        synchronized (lock) {
            return List.copyOf(instances);
        }
    }

    /**
     * Stops for good: cancels every scheduled restart and readiness poll, then stops the current processes
     * (SIGTERM, then SIGKILL after {@code grace}). A restart that was starting a process finishes doing so before
     * the processes are collected (both hold the lock), and none starts afterwards (each checks {@code stopping}
     * under the lock), so no instance can be left behind.
     */
    void stop(Duration grace) {
        stopping = true;
        List<ChildProcess> current = new ArrayList<>();
        synchronized (lock) {
            executor.shutdownNow();
            for (Instance instance : instances) {
                if (instance.pending != null) {
                    instance.pending.cancel(false);
                    instance.pending = null;
                }
                if (instance.process != null) {
                    current.add(instance.process);
                }
            }
        }
        if (!current.isEmpty()) {
            ChildProcess.stopAll(current, grace);
        }
        synchronized (lock) {
            for (Instance instance : instances) {
                instance.state = State.STOPPED;
            }
            try {
                // nothing in it is true any more; a stale file would send a test to pids that are gone
                Files.deleteIfExists(instancesFile);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    // ---------------------------------------------------------------- under the lock

    private void launch(Instance instance) throws IOException {
        instance.generation++;
        ChildProcess child = ChildProcess.start(instance.fileStem, instance.command, workDir, instance.log, runDir);
        instance.process = child;
        instance.state = State.STARTING;
        instance.startedNanos = System.nanoTime();
        instance.slowWarningPrinted = false;
        long generation = instance.generation;
        child.process().onExit().thenRun(() -> {
            try {
                synchronized (lock) {
                    if (instance.process == child && instance.generation == generation) {
                        exited(instance, child, System.nanoTime());
                    }
                }
            } catch (RuntimeException e) {
                out.println("! supervising " + instance.name + ": " + e);
                out.flush();
            }
        });
        out.println("INSTANCE " + instance.name + " pid=" + child.pid() + " port=" + instance.port + " log=" + instance.log);
        out.flush();
        writeInstances();
    }

    private void exited(Instance instance, ChildProcess child, long nowNanos) {
        int code = child.process().exitValue();
        Decision decision = decide(supervising, stopping, code);
        switch (decision) {
            case IGNORE_STOPPING, IGNORE_STARTING -> {
                // stopping: expected; starting: DevStack's start-up wait reports it with the log tail
            }
            case STAY_DOWN -> {
                instance.state = State.EXITED;
                out.println(instance.name + " (pid " + child.pid() + ") exited with code 0; not restarted (a clean exit,"
                        + " as with restart: on-failure). Log: " + instance.log);
                out.flush();
                writeInstances();
            }
            case RESTART -> scheduleRestart(instance, "(pid " + child.pid() + ") exited with code " + code,
                    Duration.ofNanos(nowNanos - instance.startedNanos), nowNanos);
        }
    }

    private void scheduleRestart(Instance instance, String what, Duration upFor, long nowNanos) {
        instance.attempt = backoff.nextAttempt(instance.attempt, upFor);
        instance.restarts++;
        instance.state = State.RESTARTING;
        if (instance.downSinceNanos == 0) {
            // a restart that fails again keeps counting from the first death: "serving again" is the whole outage
            instance.downSinceNanos = nowNanos;
        }
        Duration delay = backoff.delay(instance.attempt);
        out.println(instance.name + " " + what + "; restarting in " + Backoff.format(delay) + " (restart "
                + instance.restarts + "). Log: " + instance.log);
        out.flush();
        instance.pending = executor.schedule(() -> restart(instance), delay.toMillis(), TimeUnit.MILLISECONDS);
        writeInstances();
    }

    // ---------------------------------------------------------------- executor tasks

    private void restart(Instance instance) {
        long generation;
        synchronized (lock) {
            instance.pending = null;
            if (stopping) {
                return;
            }
            try {
                Files.writeString(instance.log, System.lineSeparator() + "---- dev-stack: restart " + instance.restarts
                        + " of " + instance.name + " at " + Instant.now() + " ----" + System.lineSeparator(),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                launch(instance);
            } catch (IOException e) {
                // e.g. the jar is being rebuilt: try again later, with a longer wait each time
                scheduleRestart(instance, "could not be started (" + e.getMessage() + ")", Duration.ZERO, System.nanoTime());
                return;
            }
            generation = instance.generation;
        }
        schedulePoll(instance, generation);
    }

    private void schedulePoll(Instance instance, long generation) {
        synchronized (lock) {
            if (!stopping) {
                executor.schedule(() -> poll(instance, generation), POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void poll(Instance instance, long generation) {
        if (stopping) {
            return;
        }
        boolean ready = probe.isReady(instance); // HTTP: not under the lock
        synchronized (lock) {
            if (stopping || instance.generation != generation || instance.state != State.STARTING) {
                return; // stopped, or it died meanwhile: the exit handler took over
            }
            long now = System.nanoTime();
            if (ready) {
                instance.state = State.UP;
                out.println(instance.name + " serving again at http://localhost:" + instance.port + " (pid "
                        + instance.process.pid() + "), " + seconds(now - instance.downSinceNanos) + " after it exited ("
                        + seconds(now - instance.startedNanos) + " to start)");
                out.flush();
                instance.downSinceNanos = 0;
                writeInstances();
                return;
            }
            if (!instance.slowWarningPrinted && now - instance.startedNanos > readyTimeout.toNanos()) {
                instance.slowWarningPrinted = true;
                out.println("! " + instance.name + " (pid " + instance.process.pid() + ") is not ready after "
                        + readyTimeout.toSeconds() + " s; still waiting. Log: " + instance.log);
                out.flush();
            }
        }
        schedulePoll(instance, generation);
    }

    // ---------------------------------------------------------------- instances.json

    /** Rewrites the file atomically (readers never see half of it); under the lock, so writes are in order. */
    private void writeInstances() {
        StringBuilder json = new StringBuilder("{\n  \"launcherPid\": ").append(ProcessHandle.current().pid())
                .append(",\n  \"updated\": \"").append(Instant.now()).append("\",\n  \"instances\": [");
        boolean first = true;
        for (Instance instance : instances) {
            if (instance.process == null) {
                continue; // not started yet
            }
            json.append(first ? "\n" : ",\n");
            first = false;
            json.append(String.format(Locale.ROOT,
                    // Escape.json quotes the strings itself
                    "    {\"name\": %s, \"service\": %s, \"instance\": %d, \"port\": %d, \"url\": %s,"
                            + " \"pid\": %d, \"state\": \"%s\", \"restarts\": %d, \"log\": %s}",
                    Escape.json(instance.name), Escape.json(instance.service), instance.number, instance.port,
                    Escape.json("http://localhost:" + instance.port), instance.process.pid(), instance.state,
                    instance.restarts, Escape.json(instance.log.toString())));
        }
        json.append("\n  ]\n}\n");
        try {
            Files.createDirectories(instancesFile.getParent());
            Path temp = instancesFile.resolveSibling(instancesFile.getFileName() + ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, instancesFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, instancesFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (!fileWarningPrinted) {
                fileWarningPrinted = true;
                out.println("warning: could not write " + instancesFile + ": " + e.getMessage());
                out.flush();
            }
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** One copy of a service: its name, port and command are fixed; its process changes at each restart. */
    static final class Instance {
        final String service;
        final String name;
        final int number;
        final int port;
        final List<String> command;
        final Path log;
        final String fileStem;

        // written under the supervisor's lock; volatile so the start-up wait can read them without it
        volatile ChildProcess process;
        volatile State state;
        int restarts;
        int attempt;
        long generation;
        long startedNanos;
        long downSinceNanos;
        boolean slowWarningPrinted;
        ScheduledFuture<?> pending;

        private Instance(String service, String name, int number, int port, List<String> command, Path log,
                String fileStem) {
            this.service = service;
            this.name = name;
            this.number = number;
            this.port = port;
            this.command = command;
            this.log = log;
            this.fileStem = fileStem;
        }

        String name() {
            return name;
        }

        /** The current process (replaced at each restart); null before the first start. */
        ChildProcess process() {
            return process;
        }

        int port() {
            return port;
        }

        String url() {
            return "http://localhost:" + port;
        }

        Path log() {
            return log;
        }
    }
}
