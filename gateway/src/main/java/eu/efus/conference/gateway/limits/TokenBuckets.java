package eu.efus.conference.gateway.limits;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per key: {@code capacity} tokens, refilled continuously at
 * {@code capacity / period}. Buckets idle for a whole period are full again, so they are dropped
 * (at most one sweep per period) to keep memory bounded by the number of recently active clients.
 */
public class TokenBuckets {

    private final int capacity;
    private final long periodNanos;
    private final double nanosPerToken;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public TokenBuckets(int capacity, Duration period, LongSupplier nanoClock) {
        if (capacity <= 0 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("capacity and period must be positive");
        }
        this.capacity = capacity;
        this.periodNanos = period.toNanos();
        this.nanosPerToken = (double) periodNanos / capacity;
        this.nanoClock = nanoClock;
        this.lastSweep = nanoClock.getAsLong();
    }

    /** Takes one token for this key: 0 if granted, otherwise the wait in nanoseconds until one is available. */
    public long tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        sweepIfDue(now);
        long[] wait = new long[1];
        buckets.compute(key, (k, bucket) -> {
            Bucket b = bucket == null ? new Bucket(capacity, now) : bucket.refill(now, capacity, nanosPerToken);
            if (b.tokens >= 1) {
                return new Bucket(b.tokens - 1, now);
            }
            wait[0] = (long) Math.ceil((1 - b.tokens) * nanosPerToken);
            return b;
        });
        return wait[0];
    }

    /** Without taking anything: 0 if this key has a token left, otherwise the wait in nanoseconds until it has one. */
    public long waitFor(String key) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return 0;
        }
        Bucket refilled = bucket.refill(now, capacity, nanosPerToken);
        return refilled.tokens >= 1 ? 0 : (long) Math.ceil((1 - refilled.tokens) * nanosPerToken);
    }

    int size() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        if (now - lastSweep < periodNanos) {
            return;
        }
        lastSweep = now;
        buckets.values().removeIf(b -> now - b.updatedAt >= periodNanos);
    }

    private record Bucket(double tokens, long updatedAt) {

        Bucket refill(long now, int capacity, double nanosPerToken) {
            double refilled = Math.min(capacity, tokens + (now - updatedAt) / nanosPerToken);
            return new Bucket(refilled, now);
        }
    }
}
