package eu.efus.conference.notification.intake;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.kit.consumer.IdempotentConsumer;

/**
 * The consumers' duplicate check, done by the ledger itself: an entry's id derives from the event that caused it (see
 * {@link LedgerIntake}), so inserting it is the check, and a redelivered event inserts nothing. The kit's separate
 * processed-events marker would add a lookup and an insert per event for no extra guarantee: the effect runs, once.
 */
final class LedgerIdempotence extends IdempotentConsumer {

    static final LedgerIdempotence INSTANCE = new LedgerIdempotence();

    private LedgerIdempotence() {
        super(null);
    }

    @Override
    public boolean handle(CloudEvent event, Runnable effect) {
        effect.run();
        return true;
    }
}
