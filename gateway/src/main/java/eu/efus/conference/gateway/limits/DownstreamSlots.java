package eu.efus.conference.gateway.limits;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * A fixed number of call slots with a first-come, first-served waiting line, bounded in time.
 * Waiting never blocks a thread (unlike a semaphore on an event loop): a waiting caller is a
 * queued callback, handed the slot by the call that frees it, or refused when its wait runs out.
 */
public final class DownstreamSlots {

    /** Refusal: no slot became free within the maximum wait. */
    public static final class NoSlotException extends RuntimeException {

        NoSlotException(Duration maxWait) {
            super("No free slot within " + maxWait.toMillis() + " ms", null, false, false);
        }
    }

    /** One held slot; releasing it more than once is harmless, so every way out of a call may release it. */
    public final class Slot {

        private final AtomicBoolean released = new AtomicBoolean();

        public void release() {
            if (released.compareAndSet(false, true)) {
                handOver();
            }
        }
    }

    private final int maxConcurrent;
    private final Duration maxWait;
    private final Scheduler timer;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int inUse; // guarded by waiting

    public DownstreamSlots(int maxConcurrent, Duration maxWait, Scheduler timer) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.maxConcurrent = maxConcurrent;
        this.maxWait = maxWait;
        this.timer = timer;
    }

    /** A slot now, or the first one freed within the maximum wait, else {@link NoSlotException}. */
    public Mono<Slot> acquire() {
        return Mono.create(sink -> {
            Waiter waiter = new Waiter(sink);
            // Registered first: a cancellation racing a hand-over must still give the slot back.
            sink.onCancel(() -> {
                if (waiter.settled.compareAndSet(false, true)) {
                    forget(waiter);
                }
                else {
                    Slot granted = waiter.granted();
                    if (granted != null) {
                        granted.release();
                    }
                }
            });
            Slot now = null;
            synchronized (waiting) {
                if (inUse < maxConcurrent && waiting.isEmpty()) {
                    inUse++;
                    waiter.settled.set(true);
                    now = waiter.slot = new Slot();
                }
                else {
                    waiting.addLast(waiter);
                }
            }
            if (now != null) {
                sink.success(now);
                return;
            }
            sink.onDispose(timer.schedule(() -> {
                if (waiter.settled.compareAndSet(false, true)) {
                    forget(waiter);
                    sink.error(new NoSlotException(maxWait));
                }
            }, maxWait.toMillis(), TimeUnit.MILLISECONDS));
        });
    }

    /** Slots in use now (for tests and metrics). */
    public int inUse() {
        synchronized (waiting) {
            return inUse;
        }
    }

    /** Callers waiting for a slot now (for tests and metrics). */
    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    private void handOver() {
        Waiter next;
        Slot granted;
        synchronized (waiting) {
            do {
                next = waiting.pollFirst();
            }
            while (next != null && !next.settled.compareAndSet(false, true));
            if (next == null) {
                inUse--;
                return;
            }
            // The slot passes straight to the next in line: inUse is unchanged.
            granted = next.slot = new Slot();
        }
        next.sink.success(granted);
    }

    private void forget(Waiter waiter) {
        synchronized (waiting) {
            waiting.remove(waiter);
        }
    }

    private final class Waiter {

        final MonoSink<Slot> sink;
        /** Set once, by whichever comes first: a slot, the end of the wait, or cancellation. */
        final AtomicBoolean settled = new AtomicBoolean();
        /** The slot handed to this waiter, set together with {@code settled} when it is granted. */
        Slot slot; // guarded by waiting

        Waiter(MonoSink<Slot> sink) {
            this.sink = sink;
        }

        Slot granted() {
            synchronized (waiting) {
                return slot;
            }
        }
    }
}
