package eu.efus.conference.kit.outbox;

import eu.efus.conference.contracts.CloudEvent;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The single-document outbox: an aggregate's state change and the events it causes go into the same MongoDB update,
 * so either both happen or neither does. The {@link OutboxRelay} publishes them afterwards.
 */
public final class Outbox {

    /** Field of an aggregate document holding its unpublished events, in order. */
    public static final String EVENTS = "pendingEvents";
    /** Set while {@link #EVENTS} is non-empty; what the relay looks for. */
    public static final String FLAG = "outboxPending";
    /** Until when one relay instance owns the document's publication. */
    public static final String LEASE = "outboxLeaseUntil";

    private Outbox() {
    }

    /** Adds the events to an update of their aggregate. */
    public static Update append(Update update, List<CloudEvent> events) {
        if (events.isEmpty()) {
            return update;
        }
        // Plain BSON documents: the object mapper would rename a nested "id" to "_id".
        update.push(EVENTS).each(events.stream().map(PendingEvent::of).map(PendingEvent::toDocument).toArray());
        update.set(FLAG, true);
        return update;
    }

    public static Update append(Update update, CloudEvent event) {
        return append(update, List.of(event));
    }

    /** The outbox fields of a document inserted together with its first events. */
    public static Document fieldsFor(List<CloudEvent> events) {
        return new Document(EVENTS, events.stream().map(PendingEvent::of).map(PendingEvent::toDocument).toList())
                .append(FLAG, !events.isEmpty());
    }
}
