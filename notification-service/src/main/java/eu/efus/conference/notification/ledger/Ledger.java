package eu.efus.conference.notification.ledger;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.kit.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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
 */
@Component
public class Ledger implements InitializingBean {

    public static final String COLLECTION = "notifications";

    private final MongoTemplate mongo;

    public Ledger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The form of an address that lookups use (the ledger keeps the address as it was given for sending). */
    public static String recipientKey(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public void afterPropertiesSet() {
        // Explicit, not auto-index-creation: what the ledger page and the dispatcher query on.
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("recipientKey", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("recipient_newest_first"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC)
                .named("due"));
    }

    /** Inserts the entry unless one with its id exists (a replayed event); returns whether it was new. */
    public boolean insertIfAbsent(Notification entry) {
        try {
            mongo.insert(entry, COLLECTION);
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
     * Claims the most overdue entry: a PENDING one whose time has come, or a SENDING one whose dispatcher let its lease
     * run out. Returns the claimed entry (now SENDING, with a fresh claim token) or {@code null}.
     */
    public Notification claimNext(Instant now, Duration lease) {
        Query due = new Query(new Criteria().orOperator(
                Criteria.where("status").is(NotificationStatus.PENDING).and("nextAttemptAt").lte(now),
                Criteria.where("status").is(NotificationStatus.SENDING).and("leaseUntil").lt(now)))
                .with(Sort.by("nextAttemptAt"));
        Update take = new Update().set("status", NotificationStatus.SENDING).set("leaseUntil", now.plus(lease))
                .set("claim", UUID.randomUUID().toString());
        return mongo.findAndModify(due, take, FindAndModifyOptions.options().returnNew(true), Notification.class,
                COLLECTION);
    }

    /** The mail server accepted it: SENT, with the event saying so. */
    public boolean markSent(Notification claimed, int attempt, String messageId, Instant sentAt, CloudEvent sent) {
        Update update = settle(attempt).set("status", NotificationStatus.SENT).set("messageId", messageId)
                .set("sentAt", sentAt).unset("lastError");
        return apply(claimed, Outbox.append(update, sent));
    }

    /** Refused for good or out of attempts: FAILED, with the event saying so. */
    public boolean markFailed(Notification claimed, int attempt, String error, CloudEvent failed) {
        Update update = settle(attempt).set("status", NotificationStatus.FAILED).set("lastError", error);
        return apply(claimed, Outbox.append(update, failed));
    }

    /** This attempt failed but the next one may work: back to PENDING until {@code next}. */
    public boolean retryLater(Notification claimed, int attempt, String error, Instant next) {
        return apply(claimed, settle(attempt).set("status", NotificationStatus.PENDING).set("lastError", error)
                .set("nextAttemptAt", next));
    }

    /** Not tried at all (sending is paused): back to PENDING until {@code next}, the attempt not counted. */
    public boolean postpone(Notification claimed, String reason, Instant next) {
        return apply(claimed, settle(claimed.attempts()).set("status", NotificationStatus.PENDING).set("lastError", reason)
                .set("nextAttemptAt", next));
    }

    private static Update settle(int attempts) {
        return new Update().set("attempts", attempts).unset("leaseUntil").unset("claim");
    }

    private boolean apply(Notification claimed, Update update) {
        Query mine = Query.query(Criteria.where("_id").is(claimed.id()).and("claim").is(claimed.claim()));
        return mongo.updateFirst(mine, update, COLLECTION).getModifiedCount() == 1;
    }
}
