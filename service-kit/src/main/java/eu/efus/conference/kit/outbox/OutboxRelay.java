package eu.efus.conference.kit.outbox;

import com.mongodb.client.model.IndexOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
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
 * broker acknowledged it. Several instances can run: a document is claimed with a lease (its {@link Outbox#DUE} moved
 * into the future) before it is published, so each document's events go out from one relay at a time and in order.
 * A broker outage only delays publication; the events wait in MongoDB.
 *
 * <p>Cost per event does not depend on how many aggregates are stored: pending documents are listed from the unique
 * sparse index on {@link Outbox#DUE} (see {@link Outbox}), claimed and cleared by that unique value. Documents of one
 * pass are published by a few workers in parallel (the Kafka producer batches their sends); the events of one
 * document always by one worker, in order.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Every entry of the {@link Outbox#DUE} index: anchored, so both stores answer it from the index. */
    private static final Pattern ANY = Pattern.compile("^");
    /** Documents taken per pass: enough to keep the producer's batches full, few enough to list cheaply. */
    private static final int BATCH = 256;

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<String> collections;
    private final Duration pollInterval;
    private final Duration lease;
    private final Duration retryDelay;
    private final int workers;
    private final Object signal = new Object();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean woken;
    private volatile boolean indexed;
    private Thread thread;
    private ExecutorService pool;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections, Duration pollInterval,
            Duration lease, Duration retryDelay) {
        this(mongo, publisher, collections, pollInterval, lease, retryDelay, 4);
    }

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections, Duration pollInterval,
            Duration lease, Duration retryDelay, int workers) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = List.copyOf(collections);
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.retryDelay = retryDelay;
        this.workers = Math.max(1, workers);
    }

    /** Asks the relay to look now rather than at its next poll: called after a write that added events. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Publishes everything due in every collection; returns how many events went out. */
    public int relayOnce() {
        ensureIndexes();
        int published = 0;
        // Drains; a stopping relay leaves the rest to the next start (tests call it unstarted).
        while (running.get() || thread == null) {
            List<Future<Integer>> work = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (String collection : collections) {
                for (String due : dueEntries(collection, now)) {
                    work.add(submit(() -> publish(collection, due)));
                }
            }
            if (work.isEmpty()) {
                break;
            }
            int pass = 0;
            for (Future<Integer> future : work) {
                pass += await(future);
            }
            published += pass;
            if (pass == 0) {
                break; // everything listed was taken by another instance or failed: its lease says when to retry
            }
        }
        return published;
    }

    /**
     * The {@link Outbox#DUE} values of documents whose events may be taken now, oldest first, at most
     * {@link #BATCH}. No sort is asked: the index is read in key order (time first), and a sort would make the
     * embedded server load every pending document before the limit applies.
     */
    private List<String> dueEntries(String collection, long now) {
        List<String> due = new ArrayList<>();
        Query all = Query.query(Criteria.where(Outbox.DUE).regex(ANY)).limit(BATCH);
        all.fields().include(Outbox.DUE).exclude("_id");
        for (Document entry : mongo.find(all, Document.class, collection)) {
            String value = entry.getString(Outbox.DUE);
            if (value != null && Outbox.dueMillis(value) <= now) {
                due.add(value);
            }
        }
        return due;
    }

    private int publish(String collection, String due) {
        String leased = Outbox.due(System.currentTimeMillis() + lease.toMillis());
        // Conditional on the exact value read: another relay, or a new write, changed it → not ours now.
        Document aggregate = mongo.findAndModify(Query.query(Criteria.where(Outbox.DUE).is(due)),
                new Update().set(Outbox.DUE, leased), FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
        if (aggregate == null) {
            return 0;
        }
        Object id = aggregate.get("_id");
        @SuppressWarnings("unchecked")
        List<Document> events = (List<Document>) aggregate.getOrDefault(Outbox.EVENTS, List.of());
        List<String> sent = new ArrayList<>();
        try {
            for (Document event : events) {
                publisher.publish(new PendingEvent(event.getString("id"), event.getString("type"), event.getString("topic"),
                        event.getString("key"), event.getString("payload"), event.getDate("createdAt")));
                sent.add(event.getString("id"));
            }
            Update done = new Update().pull(Outbox.EVENTS, new Document("id", new Document("$in", sent)))
                    .unset(Outbox.DUE).set(Outbox.FLAG, false);
            if (mongo.updateFirst(Query.query(Criteria.where(Outbox.DUE).is(leased)), done, collection)
                    .getModifiedCount() == 0) {
                // A write appended events meanwhile (new DUE value): remove what went out, the rest stays due.
                removeSent(collection, id, sent);
                wake();
            }
        } catch (RuntimeException e) {
            log.warn("Outbox: publishing for {} {} failed, retrying in {}: {}", collection, id, retryDelay, e.toString());
            // A crash here would republish what was acknowledged (consumers dedupe); remove it now to keep that rare.
            removeSent(collection, id, sent);
            mongo.updateFirst(Query.query(Criteria.where(Outbox.DUE).is(leased)),
                    new Update().set(Outbox.DUE, Outbox.due(System.currentTimeMillis() + retryDelay.toMillis())), collection);
        }
        return sent.size();
    }

    private void removeSent(String collection, Object id, List<String> sent) {
        if (!sent.isEmpty()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().pull(Outbox.EVENTS, new Document("id", new Document("$in", sent))), collection);
        }
    }

    /**
     * Creates the index the relay reads, and gives a {@link Outbox#DUE} to documents written before it existed
     * (a one-time scan, at start only).
     */
    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        for (String collection : collections) {
            mongo.getCollection(collection).createIndex(new Document(Outbox.DUE, 1),
                    new IndexOptions().unique(true).sparse(true).name(Outbox.DUE_INDEX));
            Query older = Query.query(Criteria.where(Outbox.FLAG).is(true).and(Outbox.DUE).exists(false));
            older.fields().include("_id");
            for (Document stale : mongo.find(older, Document.class, collection)) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(stale.get("_id"))),
                        new Update().set(Outbox.DUE, Outbox.due(System.currentTimeMillis())), collection);
            }
        }
        indexed = true;
    }

    private Future<Integer> submit(java.util.concurrent.Callable<Integer> task) {
        ExecutorService executor = pool;
        if (executor == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(callNow(task));
        }
        return executor.submit(task);
    }

    private static int callNow(java.util.concurrent.Callable<Integer> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int await(Future<Integer> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            log.warn("Outbox relay worker failed: {}", e.getCause().toString());
            return 0;
        }
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
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "outbox-publisher-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
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
        if (pool != null) {
            pool.shutdown();
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
