package eu.efus.conference.accreditation.quota;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * The press quota of each event as an atomic pool: one document per event whose {@code approved} array holds the ids
 * of the accreditations holding a slot. A slot is taken by one conditional update (the array has no element at index
 * quota-1, and this id is not in it yet), never read-then-write, so simultaneous approvals of different requests can
 * never exceed the quota; taking it again for the same id is a no-op, so every caller for one request shares one slot.
 */
@Component
public class PressQuota {

    public static final String COLLECTION = "press_quotas";

    private final MongoTemplate mongo;

    public PressQuota(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> pools() {
        return mongo.getCollection(COLLECTION);
    }

    /**
     * Takes (or confirms) a slot for {@code accreditationId}; {@code quota} null means no limit. Returns false only
     * when the quota is reached and this id holds no slot.
     */
    public boolean reserve(String eventCode, Integer quota, String accreditationId) {
        pools().updateOne(eq("_id", eventCode), setOnInsert("approved", List.of()), new UpdateOptions().upsert(true));
        if (quota == null || quota > 0) {
            Bson free = quota == null ? and(eq("_id", eventCode), ne("approved", accreditationId))
                    : and(eq("_id", eventCode), ne("approved", accreditationId), exists("approved." + (quota - 1), false));
            if (pools().updateOne(free, push("approved", accreditationId)).getModifiedCount() == 1) {
                return true;
            }
        }
        return holds(eventCode, accreditationId);
    }

    /** Gives the slot of {@code accreditationId} back; idempotent. */
    public void release(String eventCode, String accreditationId) {
        pools().updateOne(and(eq("_id", eventCode), eq("approved", accreditationId)), pull("approved", accreditationId));
    }

    public boolean holds(String eventCode, String accreditationId) {
        return pools().countDocuments(and(eq("_id", eventCode), eq("approved", accreditationId))) > 0;
    }

    /** Who holds a slot of this event's quota. */
    public List<String> holders(String eventCode) {
        Document pool = pools().find(eq("_id", eventCode)).first();
        return pool == null ? List.of() : pool.getList("approved", String.class, List.of());
    }
}
