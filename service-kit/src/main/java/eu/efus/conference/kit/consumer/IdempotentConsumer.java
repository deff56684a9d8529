package eu.efus.conference.kit.consumer;

import eu.efus.conference.contracts.CloudEvent;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Remembers which CloudEvents ids were handled, so a redelivered event has no second effect. The marker is written
 * after the effect: a crash in between replays the effect, which is why effects are also idempotent by construction
 * (deterministic ids, upserts).
 */
public class IdempotentConsumer {

    public static final String COLLECTION = "processed_events";
    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final MongoTemplate mongo;

    public IdempotentConsumer(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs {@code effect} unless this event id was already handled; returns whether it ran. */
    public boolean handle(CloudEvent event, Runnable effect) {
        if (mongo.getCollection(COLLECTION).find(new Document("_id", event.id())).first() != null) {
            log.debug("Event {} ({}) already handled; skipped", event.id(), event.type());
            return false;
        }
        effect.run();
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", event.id()).append("type", event.type())
                    .append("subject", event.subject()).append("processedAt", new Date()));
        } catch (com.mongodb.MongoWriteException | DuplicateKeyException e) {
            log.debug("Event {} marked concurrently", event.id());
        }
        return true;
    }
}
