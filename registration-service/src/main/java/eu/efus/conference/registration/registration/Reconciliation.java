package eu.efus.conference.registration.registration;

import eu.efus.conference.registration.capacity.SeatKey;
import eu.efus.conference.registration.capacity.SeatLedger;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes, exactly once, what a crash left half-done: registrations whose seats were being given out or freed
 * (found by their {@code pendingWork} index entry), promotions the pools granted but the registration does not show
 * (the pools' journal), journal entries already recorded, and free seats with people waiting. Each step it runs is
 * idempotent, so several instances running it at once give nothing twice. Its cost follows the unfinished work and
 * the number of pools, not the number of registrations. With several instances, the scheduled pass runs on the one
 * holding the {@link ReconciliationLease}: one reconciliation at a time, taken over by another instance when its
 * holder dies.
 */
@Component
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final Registrations registrations;
    private final Seating seating;
    private final SeatLedger seats;
    private final EventCatalog catalog;
    private final Clock clock;
    private final Duration grace;
    private final ReconciliationLease lease;
    private final Duration interval;

    public Reconciliation(Registrations registrations, Seating seating, SeatLedger seats, EventCatalog catalog, Clock clock,
            @Value("${conference.reconciliation.grace:30s}") Duration grace, ReconciliationLease lease,
            @Value("${conference.reconciliation.interval:60s}") Duration interval) {
        this.registrations = registrations;
        this.seating = seating;
        this.seats = seats;
        this.catalog = catalog;
        this.clock = clock;
        this.grace = grace;
        this.lease = lease;
        this.interval = interval;
    }

    @Scheduled(initialDelayString = "${conference.reconciliation.interval:60s}",
            fixedDelayString = "${conference.reconciliation.interval:60s}")
    public void run() {
        try {
            // Held for two intervals from each pass: the holder renews it every pass; another instance takes over
            // one to two intervals after the holder's last pass.
            if (!lease.tryTake(clock.instant(), interval.multipliedBy(2))) {
                log.debug("Reconciliation left to the instance holding its lease");
                return;
            }
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Reconciliation pass failed, next pass will retry: {}", e.toString());
        }
    }

    /** Lets another instance take over at once when this one stops. */
    @PreDestroy
    public void stop() {
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.debug("Reconciliation lease not released ({}); it expires by itself", e.toString());
        }
    }

    /** One pass; returns how many registrations or journal entries it finished. */
    public int runOnce() {
        Instant now = clock.instant();
        int finished = 0;
        for (String id : registrations.withPendingWorkBefore(now)) {
            Registration r = registrations.find(id).orElse(null);
            if (r != null && r.pendingWork() != null) {
                log.warn("Finishing interrupted registration {} ({})", id, r.status());
                finish(r);
                finished++;
            }
        }
        Date before = Date.from(now.minus(grace));
        for (ConferenceEvent event : catalog.upcoming()) {
            finished += settleJournal(event, SeatKey.event(event.code()), before);
            for (ConferenceEvent.Session session : event.sessions()) {
                finished += settleJournal(event, SeatKey.session(event.code(), session.code()), before);
            }
            seating.promoteWaiting(event);
        }
        return finished;
    }

    /** Completes the seat work of one registration, from what it records. */
    void finish(Registration r) {
        ConferenceEvent event = catalog.require(r.eventCode());
        if (r.status() == RegistrationStatus.ALLOCATING) {
            seating.allocate(r, event);
        } else {
            seating.freeSeats(r, event);
        }
    }

    private int settleJournal(ConferenceEvent event, SeatKey key, Date before) {
        List<SeatLedger.JournalEntry> entries = seats.journalOlderThan(key, before);
        int n = 0;
        for (SeatLedger.JournalEntry entry : entries) {
            Registration r = registrations.find(entry.registrationId()).orElse(null);
            String op = entry.kind() + ":" + entry.registrationId();
            switch (entry.kind()) {
                case "p" -> {
                    log.warn("Finishing interrupted promotion of {} in {}", entry.registrationId(), key.id());
                    seating.applyPromotion(event, key, entry.registrationId());
                    seats.settle(key, List.of(op));
                }
                case "a", "r", "x", "u", "l" -> {
                    // Recorded once the registration has no pending work left; otherwise finished above first.
                    if (r == null || r.pendingWork() == null) {
                        seats.settle(key, List.of(op));
                    }
                }
                default -> log.warn("Unknown journal entry {} in {}", op, key.id());
            }
            n++;
        }
        return n;
    }
}
