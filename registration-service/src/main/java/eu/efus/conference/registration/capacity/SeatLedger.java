package eu.efus.conference.registration.capacity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.popFirst;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * Seats and waiting lists, one MongoDB document per pool: {@code holders} (who has a seat) and {@code waitlist} (who
 * waits, in arrival order). Every change is one atomic conditional update on that document — never read-then-write —
 * so a burst for the last seats confirms exactly {@code capacity} people, and every operation is idempotent per
 * registration id, so a step interrupted by a crash can simply be run again.
 */
@Component
public class SeatLedger {

    static final String COLLECTION = "seats";
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoTemplate mongo;

    public SeatLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> seats() {
        return mongo.getCollection(COLLECTION);
    }

    /** Makes sure the pool's document exists (creating a pool is idempotent). */
    public void ensure(SeatKey key) {
        seats().updateOne(eq("_id", key.id()), combine(setOnInsert("holders", List.of()), setOnInsert("waitlist", List.of()),
                setOnInsert("taken", 0), setOnInsert("waiting", 0)), new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /**
     * Gives {@code registrationId} a seat if one is free ({@code capacity} null = unlimited), otherwise a place at the
     * end of the waiting list. Asking again returns the seat or place already held.
     */
    public Allocation take(SeatKey key, Integer capacity, String registrationId) {
        ensure(key);
        Bson free = capacity == null ? and(eq("_id", key.id()), ne("holders", registrationId))
                : and(eq("_id", key.id()), ne("holders", registrationId), ne("waitlist", registrationId), seatFree(capacity));
        if ((capacity == null || capacity > 0)
                && seats().findOneAndUpdate(free, combine(push("holders", registrationId), inc("taken", 1))) != null) {
            return Allocation.seat();
        }
        Optional<Allocation> existing = current(key, registrationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        seats().updateOne(and(eq("_id", key.id()), ne("waitlist", registrationId), ne("holders", registrationId)),
                combine(push("waitlist", registrationId), inc("waiting", 1)));
        // A seat may have been freed between the refusal and the push, with nobody waiting to take it yet.
        fillFreeSeats(key, capacity);
        return current(key, registrationId).orElseThrow(() -> new IllegalStateException("Lost allocation for " + key.id()));
    }

    /** Where {@code registrationId} stands in this pool right now, if anywhere. */
    public Optional<Allocation> current(SeatKey key, String registrationId) {
        Document pool = seats().find(eq("_id", key.id())).first();
        if (pool == null) {
            return Optional.empty();
        }
        if (pool.getList("holders", String.class, List.of()).contains(registrationId)) {
            return Optional.of(Allocation.seat());
        }
        int index = pool.getList("waitlist", String.class, List.of()).indexOf(registrationId);
        return index < 0 ? Optional.empty() : Optional.of(Allocation.waiting(index + 1));
    }

    /** Gives up whatever {@code registrationId} holds or waits for in this pool; idempotent. */
    public void release(SeatKey key, String registrationId) {
        seats().updateOne(and(eq("_id", key.id()), eq("holders", registrationId)),
                combine(pull("holders", registrationId), inc("taken", -1)));
        seats().updateOne(and(eq("_id", key.id()), eq("waitlist", registrationId)),
                combine(pull("waitlist", registrationId), inc("waiting", -1)));
    }

    /**
     * Moves people from the head of the waiting list to free seats, one atomic step each, and returns who moved, in
     * order. Safe to call at any time and from several instances: a step only succeeds if its person is still first in
     * line and a seat is still free.
     */
    public List<String> fillFreeSeats(SeatKey key, Integer capacity) {
        List<String> promoted = new ArrayList<>();
        while (capacity == null || capacity > 0) {
            Document pool = seats().find(eq("_id", key.id())).first();
            if (pool == null) {
                return promoted;
            }
            List<String> waitlist = pool.getList("waitlist", String.class, List.of());
            if (waitlist.isEmpty()) {
                return promoted;
            }
            String first = waitlist.get(0);
            Bson condition = capacity == null ? and(eq("_id", key.id()), eq("waitlist.0", first))
                    : and(eq("_id", key.id()), eq("waitlist.0", first), seatFree(capacity));
            Document moved = seats().findOneAndUpdate(condition,
                    combine(popFirst("waitlist"), push("holders", first), inc("waiting", -1), inc("taken", 1)), AFTER);
            if (moved == null) {
                Document again = seats().find(eq("_id", key.id())).first();
                boolean sameHead = again != null && !again.getList("waitlist", String.class, List.of()).isEmpty()
                        && first.equals(again.getList("waitlist", String.class, List.of()).get(0));
                if (sameHead) {
                    return promoted; // no free seat
                }
                continue; // someone else moved the line: look again
            }
            promoted.add(first);
        }
        return promoted;
    }

    /** True while fewer than {@code capacity} people hold a seat: the array has no element at index capacity-1. */
    private static Bson seatFree(int capacity) {
        return exists("holders." + (capacity - 1), false);
    }

    /** Seats taken and people waiting in one pool. */
    public Counts counts(SeatKey key) {
        Document pool = seats().find(eq("_id", key.id()))
                .projection(new Document("taken", 1).append("waiting", 1)).first();
        return pool == null ? new Counts(0, 0) : new Counts(pool.getInteger("taken", 0), pool.getInteger("waiting", 0));
    }

    /** Who holds a seat in a pool, for reconciliation. */
    public List<String> holders(SeatKey key) {
        Document pool = seats().find(eq("_id", key.id())).first();
        return pool == null ? List.of() : pool.getList("holders", String.class, List.of());
    }

    /** How full one pool is. */
    public record Counts(int taken, int waiting) {
    }
}
