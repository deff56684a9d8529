package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theDefaultWaitDoublesFromOneSecondUpToThirty() {
        List<Long> seconds = IntStream.rangeClosed(1, 8).mapToObj(attempt -> Backoff.DEFAULT.delay(attempt).toSeconds()).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
        assertEquals(Duration.ofSeconds(30), Backoff.DEFAULT.delay(1000), "no overflow for a long crash loop");
    }

    @Test
    void theCountStartsOverAfterAMinuteUp() {
        Backoff backoff = Backoff.DEFAULT;
        assertEquals(1, backoff.nextAttempt(0, Duration.ofSeconds(5)), "first restart");
        assertEquals(4, backoff.nextAttempt(3, Duration.ofSeconds(59)), "died again quickly: wait longer");
        assertEquals(1, backoff.nextAttempt(5, Duration.ofSeconds(60)), "had been up a minute: wait 1 s again");
        assertEquals(Duration.ofSeconds(1), backoff.delay(backoff.nextAttempt(5, Duration.ofMinutes(10))));
    }

    @Test
    void formatAndValidation() {
        assertEquals("1 s", Backoff.format(Duration.ofSeconds(1)));
        assertEquals("30 s", Backoff.format(Duration.ofSeconds(30)));
        assertEquals("0.25 s", Backoff.format(Duration.ofMillis(250)));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
