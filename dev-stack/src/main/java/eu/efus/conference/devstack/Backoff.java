package eu.efus.conference.devstack;

import java.time.Duration;
import java.util.Locale;

/**
 * How long to wait before restarting an instance that died: {@code first}, doubling at each consecutive
 * restart up to {@code max}, and {@code first} again once the instance had stayed up for {@code stableAfter}.
 */
public record Backoff(Duration first, Duration max, Duration stableAfter) {

    /**
     * 1 s, 2 s, 4 s ... 30 s; reset after 60 s up. A service JVM needs 20-60 s to become ready, so an instance that
     * dies again within a minute is crash-looping (bad configuration, its port or database unusable) and should
     * not take the machine's two cores away from the healthy ones by restarting at full speed.
     */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max, got " + first + ", " + max);
        }
    }

    /** The wait before consecutive restart number {@code attempt} (1 for the first restart after a stable run). */
    public Duration delay(int attempt) {
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /**
     * The consecutive restart number for a death after {@code upFor} of running, {@code previous} being that of
     * the last restart (0 if none): the count starts over when the instance had been up long enough.
     */
    public int nextAttempt(int previous, Duration upFor) {
        return upFor.compareTo(stableAfter) >= 0 ? 1 : previous + 1;
    }

    /** "1 s", "30 s", or "0.25 s" for the short delays of tests. */
    static String format(Duration delay) {
        long millis = delay.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
