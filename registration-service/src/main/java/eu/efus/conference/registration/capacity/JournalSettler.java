package eu.efus.conference.registration.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Removes settled journal entries from the pools in the background, many per update, so that the request which
 * recorded an outcome does not pay a round trip per pool for it. An entry not removed (a crash) is harmless: the
 * recovery settles it later.
 */
@Component
public class JournalSettler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JournalSettler.class);

    private final SeatLedger seats;
    private final ConcurrentLinkedQueue<Settled> queue = new ConcurrentLinkedQueue<>();
    private ScheduledExecutorService executor;

    public JournalSettler(SeatLedger seats) {
        this.seats = seats;
    }

    /** The registration now records the effect of {@code op} in pool {@code key}. */
    public void settled(SeatKey key, String op) {
        queue.add(new Settled(key, op));
    }

    /** Removes everything queued now; returns how many entries. */
    public int flush() {
        Map<SeatKey, List<String>> byPool = new LinkedHashMap<>();
        Settled next;
        int n = 0;
        while ((next = queue.poll()) != null) {
            byPool.computeIfAbsent(next.key(), k -> new ArrayList<>()).add(next.op());
            n++;
        }
        byPool.forEach((key, ops) -> {
            try {
                seats.settle(key, ops);
            } catch (RuntimeException e) {
                log.warn("Settling {} journal entries of {} failed; the recovery will: {}", ops.size(), key.id(), e.toString());
            }
        });
        return n;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seat-journal-settler");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::flush, 50, 50, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            executor = null;
            flush();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private record Settled(SeatKey key, String op) {
    }
}
