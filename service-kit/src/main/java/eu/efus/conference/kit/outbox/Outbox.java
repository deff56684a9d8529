package eu.efus.conference.kit.outbox;

import eu.efus.conference.contracts.CloudEvent;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The single-document outbox: an aggregate's state change and the events it causes go into the same MongoDB update,
 * so either both happen or neither does. The {@link OutboxRelay} publishes them afterwards.
 *
 * <p>How the relay finds work without scanning every aggregate: each write that adds events also sets
 * {@link #DUE}, a value unique to that write that starts with the time the relay may take it. {@code DUE} carries a
 * unique sparse index, so only documents with unpublished events have an entry, and both MongoDB and the embedded
 * wire server answer "every entry of that index" (an anchored regular expression) from the index alone. The same field
 * is the relay's lease: claiming a document moves its {@code DUE} into the future, conditionally on the exact value
 * read, which is a lookup by a unique key on both stores.
 *
 * <p>Each stored event already holds the envelope as it will be sent, including the trace context of the write that
 * added it (see {@link PendingEvent#of}), so the relay continues no trace itself and adds no work per event.
 */
public final class Outbox {

    /** Field of an aggregate document holding its unpublished events, in order. */
    public static final String EVENTS = "pendingEvents";
    /** Set while {@link #EVENTS} is non-empty; for people and tests reading a document. */
    public static final String FLAG = "outboxPending";
    /** When the relay may (re)take the document's events, as "{@code epoch-millis:unique}"; absent when none wait. */
    public static final String DUE = "outboxDue";
    /** Name of the unique sparse index on {@link #DUE} the relay creates in every outbox collection. */
    public static final String DUE_INDEX = "outbox_due";

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
        update.set(DUE, due(System.currentTimeMillis()));
        return update;
    }

    public static Update append(Update update, CloudEvent event) {
        return append(update, List.of(event));
    }

    /** The outbox fields of a document inserted together with its first events. */
    public static Document fieldsFor(List<CloudEvent> events) {
        Document fields = new Document(EVENTS, events.stream().map(PendingEvent::of).map(PendingEvent::toDocument).toList())
                .append(FLAG, !events.isEmpty());
        if (!events.isEmpty()) {
            fields.append(DUE, due(System.currentTimeMillis()));
        }
        return fields;
    }

    /** A fresh {@link #DUE} value for the given time: sortable by time, unique per write. */
    static String due(long epochMillis) {
        return String.format("%013d:%s", epochMillis, UUID.randomUUID());
    }

    /** The time part of a {@link #DUE} value. */
    static long dueMillis(String due) {
        return Long.parseLong(due.substring(0, due.indexOf(':')));
    }
}
