package eu.efus.conference.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** What one measured phase saw: outcomes, latencies (all answers, errors included) and its wall-clock window. */
final class PhaseStats {

    final String name;
    final String load;
    // Microseconds, 3 significant digits; auto-resizing so a 10 s timeout still fits.
    private final Histogram latencyMicros = new ConcurrentHistogram(3);
    private final LongAdder requests = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile long beginNanos;
    private volatile long endNanos;
    volatile MongoCommands.Snapshot commandsBefore;
    volatile MongoCommands.Snapshot commandsAfter;
    volatile ProcessCpu.Snapshot cpuBefore;
    volatile ProcessCpu.Snapshot cpuAfter;
    /** After the work the phase caused has finished too (the email benchmark: when its emails are in the inbox). */
    volatile ProcessCpu.Snapshot cpuSettled;

    PhaseStats(String name, String load) {
        this.name = name;
        this.load = load;
    }

    void begin() {
        cpuBefore = ProcessCpu.read();
        beginNanos = System.nanoTime();
    }

    void end() {
        endNanos = System.nanoTime();
        cpuAfter = ProcessCpu.read();
    }

    /** The CPU each process of the stack spent per successful operation in this phase. */
    String cpu() {
        return ProcessCpu.describe(cpuBefore, cpuAfter, successes());
    }

    boolean finished() {
        return endNanos != 0;
    }

    void record(boolean success, String errorKind, long latencyNanos) {
        requests.increment();
        if (success) {
            successes.increment();
        } else {
            errors.computeIfAbsent(errorKind, k -> new LongAdder()).increment();
        }
        latencyMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
    }

    long requests() {
        return requests.sum();
    }

    long successes() {
        return successes.sum();
    }

    long errors() {
        return requests() - successes();
    }

    /** Errors by kind (HTTP status or exception), sorted for stable output. */
    Map<String, Long> errorKinds() {
        var sorted = new TreeMap<String, Long>();
        errors.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    double seconds() {
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        return (end - beginNanos) / 1e9;
    }

    /** Successful operations per second over the phase's window. */
    double successesPerSecond() {
        double s = seconds();
        return s <= 0 ? 0 : successes() / s;
    }

    double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    String oneLine() {
        return String.format("%s: %d requests, %d errors%s, %.1f successful/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
                name, requests(), errors(), errors() == 0 ? "" : " " + errorKinds(), successesPerSecond(),
                percentileMillis(50), percentileMillis(95), percentileMillis(99));
    }
}
