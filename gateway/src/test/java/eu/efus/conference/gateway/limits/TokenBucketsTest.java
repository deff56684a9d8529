package eu.efus.conference.gateway.limits;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(3, Duration.ofSeconds(30), now::get);

    @Test
    void burstUpToCapacityThenWaitForTheNextToken() {
        assertThat(buckets.tryAcquire("10.0.0.1")).isZero();
        assertThat(buckets.tryAcquire("10.0.0.1")).isZero();
        assertThat(buckets.tryAcquire("10.0.0.1")).isZero();

        long wait = buckets.tryAcquire("10.0.0.1");
        assertThat(TimeUnit.NANOSECONDS.toMillis(wait)).isEqualTo(10_000); // 3 tokens per 30 s: one every 10 s

        advance(Duration.ofSeconds(4));
        assertThat(TimeUnit.NANOSECONDS.toMillis(buckets.tryAcquire("10.0.0.1"))).isEqualTo(6_000);

        advance(Duration.ofSeconds(6));
        assertThat(buckets.tryAcquire("10.0.0.1")).isZero();
        assertThat(buckets.tryAcquire("10.0.0.1")).isPositive();
    }

    @Test
    void keysHaveSeparateBudgets() {
        for (int i = 0; i < 3; i++) {
            buckets.tryAcquire("10.0.0.1");
        }
        assertThat(buckets.tryAcquire("10.0.0.1")).isPositive();
        assertThat(buckets.tryAcquire("10.0.0.2")).isZero();
    }

    @Test
    void refillNeverExceedsCapacity() {
        buckets.tryAcquire("10.0.0.1");
        advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryAcquire("10.0.0.1")).isZero();
        }
        assertThat(buckets.tryAcquire("10.0.0.1")).isPositive();
    }

    @Test
    void idleClientsAreForgotten() {
        for (int i = 0; i < 100; i++) {
            buckets.tryAcquire("10.0.1." + i);
        }
        assertThat(buckets.size()).isEqualTo(100);

        advance(Duration.ofSeconds(31));
        buckets.tryAcquire("10.0.0.1");

        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void waitForLooksWithoutTaking() {
        assertThat(buckets.waitFor("10.0.0.1")).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.waitFor("10.0.0.1")).isZero();
            buckets.tryAcquire("10.0.0.1");
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(buckets.waitFor("10.0.0.1"))).isEqualTo(10_000);
        assertThat(TimeUnit.NANOSECONDS.toMillis(buckets.waitFor("10.0.0.1"))).as("looking twice takes nothing").isEqualTo(10_000);

        advance(Duration.ofSeconds(10));
        assertThat(buckets.waitFor("10.0.0.1")).isZero();
        assertThat(buckets.tryAcquire("10.0.0.1")).isZero();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
