package eu.efus.conference.kit.outbox;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events waiting in aggregate documents, in order per aggregate, and removes each one only after the
 * broker acknowledged it. Several instances can run: a document is claimed with a lease before it is published.
 * A broker outage only delays publication; the events wait in MongoDB.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<String> collections;
    private final Duration pollInterval;
    private final Duration lease;
    private final Duration retryDelay;
    private final Object signal = new Object();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean woken;
    private Thread thread;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections, Duration pollInterval,
            Duration lease, Duration retryDelay) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = List.copyOf(collections);
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.retryDelay = retryDelay;
    }

    /** Asks the relay to look now rather than at its next poll: called after a write that added events. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Publishes everything due in every collection once; returns how many events went out. */
    public int relayOnce() {
        int published = 0;
        for (String collection : collections) {
            Document claimed;
            // Drains the collection; a stopping relay leaves the rest to the next start (tests call it unstarted).
            while (running.get() || thread == null) {
                claimed = claim(collection);
                if (claimed == null) {
                    break;
                }
                published += publish(collection, claimed);
            }
        }
        return published;
    }

    private Document claim(String collection) {
        Date now = new Date();
        Query due = Query.query(Criteria.where(Outbox.FLAG).is(true)
                .orOperator(Criteria.where(Outbox.LEASE).exists(false), Criteria.where(Outbox.LEASE).is(null),
                        Criteria.where(Outbox.LEASE).lt(now)));
        Update take = new Update().set(Outbox.LEASE, new Date(now.getTime() + lease.toMillis()));
        return mongo.findAndModify(due, take, FindAndModifyOptions.options().returnNew(true), Document.class, collection);
    }

    private int publish(String collection, Document aggregate) {
        Object id = aggregate.get("_id");
        @SuppressWarnings("unchecked")
        List<Document> events = (List<Document>) aggregate.getOrDefault(Outbox.EVENTS, List.of());
        int sent = 0;
        try {
            for (Document event : events) {
                publisher.publish(new PendingEvent(event.getString("id"), event.getString("type"), event.getString("topic"),
                        event.getString("key"), event.getString("payload"), event.getDate("createdAt")));
                // Removed one by one: a crash after an acknowledgement republishes at most this event (consumers dedupe).
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                        new Update().pull(Outbox.EVENTS, new Document("id", event.getString("id"))), collection);
                sent++;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(Outbox.EVENTS).size(0)),
                    new Update().set(Outbox.FLAG, false).unset(Outbox.LEASE), collection);
            // Events appended while we published keep the flag set; release the lease so they go out promptly.
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(Outbox.FLAG).is(true)),
                    new Update().unset(Outbox.LEASE), collection);
        } catch (RuntimeException e) {
            log.warn("Outbox: publishing for {} {} failed, retrying in {}: {}", collection, id, retryDelay, e.toString());
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().set(Outbox.LEASE, new Date(System.currentTimeMillis() + retryDelay.toMillis())), collection);
        }
        return sent;
    }

    private void loop() {
        while (running.get()) {
            try {
                relayOnce();
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed: {}", e.toString());
            }
            synchronized (signal) {
                if (!woken && running.get()) {
                    try {
                        signal.wait(pollInterval.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            thread = new Thread(this::loop, "outbox-relay");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void stop() {
        running.set(false);
        wake();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public int getPhase() {
        // Stop before the binder so that a publication in flight can finish.
        return Integer.MAX_VALUE - 100;
    }
}
