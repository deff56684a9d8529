package eu.efus.conference.registration.registration;

import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Periodically finishes what an interrupted request left half-done: allocations that never recorded their outcome,
 * promotions not yet applied, seats still held by cancelled registrations, free seats with people waiting.
 * Every step it runs is idempotent, so running it on several instances at once is harmless.
 */
@Component
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final RegistrationService registrations;
    private final EventCatalog catalog;
    private final Clock clock;
    private final Duration grace;

    public Reconciliation(RegistrationService registrations, EventCatalog catalog, Clock clock,
            @Value("${conference.reconciliation.grace:30s}") Duration grace) {
        this.registrations = registrations;
        this.catalog = catalog;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(initialDelayString = "${conference.reconciliation.interval:60s}",
            fixedDelayString = "${conference.reconciliation.interval:60s}")
    public void run() {
        try {
            registrations.recoverInterrupted(clock.instant().minus(grace));
            for (ConferenceEvent event : catalog.upcoming()) {
                registrations.reconcile(event);
            }
        } catch (RuntimeException e) {
            log.warn("Reconciliation pass failed, next pass will retry: {}", e.toString());
        }
    }
}
