package eu.efus.conference.notification.ledger;

import com.mongodb.client.model.IndexOptions;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.kit.outbox.Outbox;
import eu.efus.conference.kit.tracing.TraceHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The delivery ledger in MongoDB. Every change of an entry is one single-document update; the ones that settle an email
 * carry its {@code email.sent}/{@code email.failed} event in the same update (the kit's outbox). Updates of a claimed
 * entry are fenced by the claim token, so a dispatcher whose lease ran out cannot overwrite the work of the next one.
 *
 * <p>How the dispatcher finds work at a cost that does not grow with the ledger: an entry that waits to be sent (PENDING)
 * or is being sent (SENDING) carries {@link #DUE}, "{@code <priority><13-digit epoch millis>:<id>}" (the time is
 * {@code nextAttemptAt}, or the end of the lease while SENDING); SENT and FAILED entries have none. {@code DUE} has a
 * unique sparse index, so listing due work is reading the first entries of that index (an anchored regular expression,
 * which both MongoDB and the embedded wire server answer from the index, in key order: urgent before bulk, then oldest
 * first). A claim is an update conditional on the exact {@code DUE} value read, which moves it to the end of the lease:
 * two dispatchers cannot both win, and a crashed one's entries come due again. The claim token ({@link #CLAIM}) has a
 * unique sparse index too, so the fenced updates that settle an entry are index lookups, not scans.
 */
@Component
public class Ledger implements InitializingBean {

    public static final String COLLECTION = "notifications";
    /** When the entry may be (re)taken, prefixed by its priority; present only while PENDING or SENDING. */
    public static final String DUE = "due";
    /** The claim token of the dispatcher holding the entry; present only while SENDING. */
    public static final String CLAIM = "claim";
    /** Priority digit of the emails somebody is waiting for (confirmation, promotion, accreditation answer…). */
    public static final char URGENT = '0';
    /** Priority digit of bulk work (resends asked for by staff): sent when no urgent email is due. */
    public static final char BULK = '1';

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final MongoTemplate mongo;

    public Ledger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The form of an address that lookups use (the ledger keeps the address as it was given for sending). */
    public static String recipientKey(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The {@link #DUE} value of entry {@code id} of this priority at {@code time}: sortable by priority, then time. */
    static String due(char priority, Instant time, String id) {
        return priority + String.format("%013d", Math.max(0, time.toEpochMilli())) + ':' + id;
    }

    static char priority(Notification entry) {
        return entry.urgent() ? URGENT : BULK;
    }

    /** The time part of a {@link #DUE} value. */
    static long dueMillis(String due) {
        return Long.parseLong(due.substring(1, due.indexOf(':')));
    }

    @Override
    public void afterPropertiesSet() {
        // Explicit, not auto-index-creation. The organiser's page looks entries up by recipient (MongoDB uses this index;
        // the embedded wire server ignores non-unique indexes and scans, acceptable for a page opened by hand).
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("recipientKey", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("recipient_newest_first"));
        var collection = mongo.getCollection(COLLECTION);
        collection.createIndex(new Document(DUE, 1), new IndexOptions().unique(true).sparse(true).name("ledger_due"));
        collection.createIndex(new Document(CLAIM, 1), new IndexOptions().unique(true).sparse(true).name("ledger_claim"));
        dropFormerDueIndex();
        giveDueToOlderEntries();
    }

    /** The (status, nextAttemptAt) index of the former claim query: nothing reads it any more, every write paid for it. */
    private void dropFormerDueIndex() {
        try {
            if (mongo.indexOps(COLLECTION).getIndexInfo().stream().anyMatch(i -> "due".equals(i.getName()))) {
                mongo.indexOps(COLLECTION).dropIndex("due");
            }
        } catch (RuntimeException e) {
            log.warn("Could not drop the former index 'due' of {}: {}", COLLECTION, e.toString());
        }
    }

    /** Entries written before {@link #DUE} existed and still to be sent get one (a one-time scan, at start only). */
    private void giveDueToOlderEntries() {
        Query older = Query.query(Criteria.where("status").in(NotificationStatus.PENDING.name(), NotificationStatus.SENDING.name())
                .and(DUE).exists(false));
        for (Notification entry : mongo.find(older, Notification.class, COLLECTION)) {
            Instant time = entry.status() == NotificationStatus.SENDING && entry.leaseUntil() != null ? entry.leaseUntil()
                    : entry.nextAttemptAt() != null ? entry.nextAttemptAt() : Instant.now();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.id()).and(DUE).exists(false)),
                    new Update().set(DUE, due(priority(entry), time, entry.id())), COLLECTION);
        }
    }

    /**
     * Inserts the entry unless one with its id exists (a replayed event); returns whether it was new. An entry without a
     * trace joins the trace of the work inserting it (the consumed event, the resend request), which its email
     * continues when it is sent.
     */
    public boolean insertIfAbsent(Notification entry) {
        if (entry.traceparent() == null) {
            entry = entry.inTrace(TraceHeaders.current());
        }
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        if (entry.status() == NotificationStatus.PENDING) {
            document.put(DUE, due(priority(entry), entry.nextAttemptAt(), entry.id()));
        }
        try {
            mongo.insert(document, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<Notification> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Notification.class, COLLECTION));
    }

    /** Every entry for one address, newest first. */
    public List<Notification> forRecipient(String email) {
        Query query = Query.query(Criteria.where("recipientKey").is(recipientKey(email)))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"));
        return mongo.find(query, Notification.class, COLLECTION);
    }

    /**
     * The {@link #DUE} values of at most {@code limit} entries that may be taken now: urgent ones first, then bulk, each
     * oldest first. No sort is asked: the index is read in key order (MongoDB, and the H2 backend of the embedded
     * server), and a sort would make the embedded server load every waiting entry before the limit applies. The
     * in-memory backend of tests reads its index in no particular order: then the {@code limit} entries read are any
     * waiting ones, still filtered and ordered here, so work always progresses.
     */
    public List<String> dueNow(Instant now, int limit) {
        List<String> due = new ArrayList<>();
        long nowMillis = now.toEpochMilli();
        for (char priority : new char[] {URGENT, BULK}) {
            if (due.size() >= limit) {
                break;
            }
            Query query = Query.query(Criteria.where(DUE).regex("^" + priority)).limit(limit - due.size());
            query.fields().include(DUE).exclude("_id");
            List<String> listed = new ArrayList<>();
            for (Document entry : mongo.find(query, Document.class, COLLECTION)) {
                String value = entry.getString(DUE);
                if (value != null && dueMillis(value) <= nowMillis) {
                    listed.add(value);
                }
            }
            listed.sort(null);
            due.addAll(listed);
        }
        return due;
    }

    /**
     * Claims the entry whose {@link #DUE} is still {@code due}: SENDING until {@code now + lease}, with a fresh claim
     * token. Returns it as claimed, or {@code null} when another dispatcher (or a change) got there first.
     */
    public Notification claim(String due, Instant now, Duration lease) {
        String token = UUID.randomUUID().toString();
        Instant until = now.plus(lease);
        String id = due.substring(due.indexOf(':') + 1);
        Update take = new Update().set("status", NotificationStatus.SENDING).set("leaseUntil", until).set(CLAIM, token)
                .set(DUE, due(due.charAt(0), until, id));
        // The "before" image: taken atomically with the update (the embedded server reads the "after" one separately).
        Notification before = mongo.findAndModify(Query.query(Criteria.where(DUE).is(due)), take,
                FindAndModifyOptions.options().returnNew(false), Notification.class, COLLECTION);
        return before == null ? null : before.claimed(token, until);
    }

    /**
     * Claims the most overdue entry, urgent first: a PENDING one whose time has come, or a SENDING one whose dispatcher
     * let its lease run out. Returns the claimed entry (now SENDING, with a fresh claim token) or {@code null}.
     */
    public Notification claimNext(Instant now, Duration lease) {
        for (String due : dueNow(now, 8)) {
            Notification claimed = claim(due, now, lease);
            if (claimed != null) {
                return claimed;
            }
        }
        return null;
    }

    /** The mail server accepted it: SENT, with the event saying so. */
    public boolean markSent(Notification claimed, int attempt, String messageId, Instant sentAt, CloudEvent sent) {
        Update update = settle(attempt).set("status", NotificationStatus.SENT).set("messageId", messageId)
                .set("sentAt", sentAt).unset("lastError").unset(DUE);
        return apply(claimed, Outbox.append(update, sent));
    }

    /** Refused for good or out of attempts: FAILED, with the event saying so. */
    public boolean markFailed(Notification claimed, int attempt, String error, CloudEvent failed) {
        Update update = settle(attempt).set("status", NotificationStatus.FAILED).set("lastError", error).unset(DUE);
        return apply(claimed, Outbox.append(update, failed));
    }

    /** This attempt failed but the next one may work: back to PENDING until {@code next}. */
    public boolean retryLater(Notification claimed, int attempt, String error, Instant next) {
        return apply(claimed, pendingAgain(claimed, attempt, next).set("lastError", error));
    }

    /** Not tried at all (sending is paused): back to PENDING until {@code next}, the attempt not counted. */
    public boolean postpone(Notification claimed, String reason, Instant next) {
        return apply(claimed, pendingAgain(claimed, claimed.attempts(), next).set("lastError", reason));
    }

    /** Claimed but not tried (the dispatcher is stopping): due again at once, nothing else changed. */
    public boolean release(Notification claimed, Instant now) {
        return apply(claimed, pendingAgain(claimed, claimed.attempts(), now));
    }

    private static Update pendingAgain(Notification claimed, int attempts, Instant next) {
        return settle(attempts).set("status", NotificationStatus.PENDING).set("nextAttemptAt", next)
                .set(DUE, due(priority(claimed), next, claimed.id()));
    }

    private static Update settle(int attempts) {
        return new Update().set("attempts", attempts).unset("leaseUntil").unset(CLAIM);
    }

    /** Fenced by the claim token alone: a lookup by a unique key on both stores (with the id it would be a scan). */
    private boolean apply(Notification claimed, Update update) {
        Query mine = Query.query(Criteria.where(CLAIM).is(claimed.claim()));
        return mongo.updateFirst(mine, update, COLLECTION).getModifiedCount() == 1;
    }
}
