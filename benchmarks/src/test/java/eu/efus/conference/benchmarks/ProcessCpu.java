package eu.efus.conference.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the machine's CPU went during a phase, per process of the stack: CPU time (user + system) that the
 * operating system charged to each process, read at the start and the end of the phase. Unlike a rate, CPU time per
 * registration does not depend on what else runs on a shared machine, and the sum over the stack's processes gives the
 * throughput the machine's cores could reach at best ({@code cores × 1000 / CPU-ms per registration}).
 *
 * <p>Processes are told apart by their command line, the way {@code ./run.sh} starts them: each service instance
 * carries {@code -Ddevstack.instance=<name>}, the broker runs {@code kafka.Kafka}, and the launcher itself
 * ({@code dev-stack.jar}) holds the MongoDB-wire server, the mail server and its web inbox. This JVM is the load
 * generator. Works only when the benchmark runs on the machine of the stack (Linux {@code /proc}); otherwise the
 * snapshot says it is not available.
 */
final class ProcessCpu {

    /** What the operating system had charged, per process group, at one moment. */
    record Snapshot(Map<String, Duration> byProcess, Duration machineBusy, int cores, String problem) {

        boolean available() {
            return problem == null;
        }
    }

    static final String LOAD_GENERATOR = "load generator (this benchmark)";
    static final String LAUNCHER = "launcher (MongoDB-wire, mail)";
    static final String KAFKA = "kafka";
    /** The machine's busy time not charged to any process above: builds, other programs. */
    static final String OTHER = "other programs";
    /** Linux reports /proc/stat in USER_HZ, 100 on every mainstream architecture. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    static Snapshot read() {
        if (!Files.isReadable(Path.of("/proc/stat"))) {
            return new Snapshot(Map.of(), Duration.ZERO, 0, "no /proc/stat: not Linux");
        }
        Map<String, Duration> by = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(process -> {
            String group = process.pid() == self ? LOAD_GENERATOR : group(commandLine(process));
            if (group == null) {
                return;
            }
            process.info().totalCpuDuration().ifPresent(cpu -> by.merge(group, cpu, Duration::plus));
        });
        try {
            return new Snapshot(by, machineBusy(), Runtime.getRuntime().availableProcessors(), null);
        } catch (IOException | RuntimeException e) {
            return new Snapshot(by, Duration.ZERO, 0, "cannot read /proc/stat: " + e.getMessage());
        }
    }

    /** The process group of a command line, or null when it is not part of the stack. */
    static String group(String commandLine) {
        if (commandLine == null) {
            return null;
        }
        int instance = commandLine.indexOf("-Ddevstack.instance=");
        if (instance >= 0) {
            String name = commandLine.substring(instance + "-Ddevstack.instance=".length()).split("\\s+", 2)[0];
            // registration-service#2 and registration-service#1 together: the service's cost, whatever the replicas
            int hash = name.indexOf('#');
            return hash > 0 ? name.substring(0, hash) : name;
        }
        if (commandLine.contains("kafka.Kafka")) {
            return KAFKA;
        }
        if (commandLine.contains("dev-stack.jar") || commandLine.contains("eu.efus.conference.devstack.DevStack")) {
            return LAUNCHER;
        }
        return null;
    }

    private static String commandLine(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(raw).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return process.info().commandLine().orElse(null);
        }
    }

    /** CPU time the whole machine spent busy (all cores, everything but idle and I/O wait). */
    private static Duration machineBusy() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal ...
        long busy = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return Duration.ofMillis(busy * 1000 / TICKS_PER_SECOND);
    }

    /**
     * CPU milliseconds per operation for each process group between two snapshots, the stack's sum (services,
     * gateway, broker, launcher) and what the rest of the machine used; empty when either snapshot is unavailable or
     * nothing succeeded. A process that started or restarted in between counts from zero.
     */
    static Map<String, Double> perOperation(Snapshot before, Snapshot after, long operations) {
        Map<String, Double> per = new LinkedHashMap<>();
        if (before == null || after == null || !before.available() || !after.available() || operations <= 0) {
            return per;
        }
        double stack = 0;
        double charged = 0;
        for (Map.Entry<String, Duration> entry : after.byProcess().entrySet()) {
            Duration start = before.byProcess().getOrDefault(entry.getKey(), Duration.ZERO);
            Duration used = entry.getValue().compareTo(start) >= 0 ? entry.getValue().minus(start) : entry.getValue();
            double ms = used.toNanos() / 1e6 / operations;
            per.put(entry.getKey(), ms);
            charged += ms;
            if (!entry.getKey().equals(LOAD_GENERATOR)) {
                stack += ms;
            }
        }
        double machine = after.machineBusy().minus(before.machineBusy()).toNanos() / 1e6 / operations;
        per.put(OTHER, Math.max(0, machine - charged));
        per.put("stack total", stack);
        return per;
    }

    /** One line: the stack's CPU per operation, the ceiling it implies on this machine's cores, then the parts. */
    static String describe(Snapshot before, Snapshot after, long operations) {
        Map<String, Double> per = perOperation(before, after, operations);
        if (per.isEmpty()) {
            String problem = after != null && !after.available() ? after.problem()
                    : before != null && !before.available() ? before.problem() : "no operation";
            return "n/a (" + problem + ")";
        }
        double stack = per.get("stack total");
        String parts = per.entrySet().stream().filter(e -> !e.getKey().equals("stack total"))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        return String.format("stack %.2f CPU-ms/op (at most %.0f ops/s on %d cores); %s", stack,
                stack <= 0 ? 0 : after.cores() * 1000 / stack, after.cores(), parts);
    }
}
