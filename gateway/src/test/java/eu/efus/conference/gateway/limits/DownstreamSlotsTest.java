package eu.efus.conference.gateway.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class DownstreamSlotsTest {

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    private final DownstreamSlots slots = new DownstreamSlots(2, Duration.ofSeconds(3), clock);

    @Test
    void callersBeyondTheLimitWaitAndAreServedInArrivalOrder() {
        List<DownstreamSlots.Slot> held = new ArrayList<>();
        List<String> served = new ArrayList<>();
        for (String caller : List.of("a", "b", "c", "d")) {
            slots.acquire().subscribe(slot -> {
                served.add(caller);
                held.add(slot);
            });
        }
        assertThat(served).containsExactly("a", "b");
        assertThat(slots.waiting()).isEqualTo(2);

        held.get(0).release();
        held.get(0).release(); // a second release of the same slot frees nothing more
        assertThat(served).containsExactly("a", "b", "c");
        assertThat(slots.inUse()).isEqualTo(2);
        assertThat(slots.waiting()).isEqualTo(1);

        held.get(1).release();
        held.get(2).release();
        held.get(3).release();
        assertThat(served).containsExactly("a", "b", "c", "d");
        assertThat(slots.inUse()).isZero();
        assertThat(slots.waiting()).isZero();
    }

    @Test
    void aCallerStillWaitingAtTheEndOfTheWaitIsRefusedAndLeavesTheLine() {
        slots.acquire().subscribe();
        slots.acquire().subscribe();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        AtomicReference<DownstreamSlots.Slot> granted = new AtomicReference<>();
        slots.acquire().subscribe(granted::set, refused::set);

        clock.advanceTimeBy(Duration.ofMillis(2999));
        assertThat(refused.get()).isNull();
        clock.advanceTimeBy(Duration.ofMillis(1));

        assertThat(refused.get()).isInstanceOf(DownstreamSlots.NoSlotException.class);
        assertThat(granted.get()).isNull();
        assertThat(slots.waiting()).isZero();
        assertThat(slots.inUse()).isEqualTo(2);
    }

    @Test
    void aCallerThatGivesUpWhileWaitingTakesNoSlot() {
        List<DownstreamSlots.Slot> held = new ArrayList<>();
        slots.acquire().subscribe(held::add);
        slots.acquire().subscribe(held::add);
        Disposable gaveUp = slots.acquire().subscribe(held::add);
        AtomicReference<DownstreamSlots.Slot> next = new AtomicReference<>();
        slots.acquire().subscribe(next::set);

        gaveUp.dispose();
        assertThat(slots.waiting()).isEqualTo(1);
        held.get(0).release();

        assertThat(next.get()).as("the slot skips the caller who left").isNotNull();
        assertThat(held).hasSize(2);
        held.get(1).release();
        next.get().release();
        assertThat(slots.inUse()).isZero();
    }
}
