package eu.efus.conference.registration.capacity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * Seats and waiting lists whose cost does not depend on how many people a pool holds.
 *
 * <p>A pool is one small document in {@code seat_pools}: {@code taken} (seats held), {@code waiting} (people in
 * line), {@code tail} (the last waiting-list ticket handed out) and {@code journal}, the few operations whose effect on the counters is done but not
 * yet recorded in the registration they belong to. Nobody's id is kept in the pool once their registration shows the
 * outcome, so the document stays a few hundred bytes whether the pool has 10 or 100,000 holders.
 *
 * <p>Each counter change is one conditional atomic update that also writes its journal entry, named after the
 * operation and the registration ({@code a:<id>} allocation, {@code p:<id>} promotion, {@code r:<id>} release,
 * {@code l:<id>} leaving a line, {@code u:<id>} promotion undone): the condition "no entry with that name yet" makes every step safe to repeat after a
 * crash, and the journal tells the recovery what was done. Entries are removed in batches once the registration
 * records the outcome ({@link #settle}).
 *
 * <p>A waiting person holds a ticket document {@code <pool>#<ticket>} in {@code seat_waitlist}; tickets are numbered
 * in arrival order, so the head of a line and a position are range reads on {@code _id} over waiting people only.
 * Capacity is exact under bursts: a seat is taken only by an update conditional on {@code taken < capacity}.
 */
@Component
public class SeatLedger {

    static final String POOLS = "seat_pools";
    static final String WAITLIST = "seat_waitlist";

    private final MongoTemplate mongo;

    public SeatLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> pools() {
        return mongo.getCollection(POOLS);
    }

    private MongoCollection<Document> waitlist() {
        return mongo.getCollection(WAITLIST);
    }

    /** Makes sure the pool's document exists (creating a pool is idempotent). */
    public void ensure(SeatKey key) {
        pools().updateOne(eq("_id", key.id()), combine(setOnInsert("taken", 0), setOnInsert("tail", 0L), setOnInsert("waiting", 0),
                setOnInsert("journal", List.of())), new UpdateOptions().upsert(true));
    }

    /**
     * Gives {@code registrationId} a seat if one is free ({@code capacity} null = unlimited), otherwise a ticket at the
     * end of the waiting list: one round trip for a seat, three for a ticket. Journaled as {@code a:<id>}: asked twice,
     * it gives nothing twice (the second call returns empty; see {@link #journaled}).
     */
    public Optional<Grant> take(SeatKey key, Integer capacity, String registrationId) {
        String op = "a:" + registrationId;
        if (capacity == null || capacity > 0) {
            Bson free = capacity == null ? and(eq("_id", key.id()), ne("journal.op", op))
                    : and(eq("_id", key.id()), ne("journal.op", op), lt("taken", capacity));
            if (pools().findOneAndUpdate(free, combine(inc("taken", 1), push("journal", entry(op, false)))) != null) {
                return Optional.of(Grant.ofSeat());
            }
        }
        // The document as it was before this update: the embedded server's "after" image is read separately and can
        // already show a concurrent increment, the "before" image cannot.
        Document pool = pools().findOneAndUpdate(and(eq("_id", key.id()), ne("journal.op", op)),
                combine(inc("tail", 1L), inc("waiting", 1), push("journal", entry(op, true))));
        if (pool == null) {
            return Optional.empty();
        }
        long ticket = pool.get("tail", Number.class).longValue() + 1;
        // Nobody is behind a ticket at the instant it is given: everyone waiting is ahead.
        int position = number(pool, "waiting") + 1;
        enqueue(key, ticket, registrationId, position);
        return Optional.of(Grant.ofTicket(ticket, position));
    }

    /**
     * The allocation a crash left in the journal but not in the registration: a seat, or a waiting place (whose ticket
     * document may or may not have been written: it is found, or a new ticket is handed out at the end of the line).
     */
    public Optional<Grant> journaled(SeatKey key, String registrationId) {
        Document entry = journalEntry(key, "a:" + registrationId);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.getBoolean("waiting", false)) {
            return Optional.of(Grant.ofSeat());
        }
        Optional<Grant> existing = ticketOf(key, registrationId);
        if (existing.isPresent()) {
            return existing;
        }
        // The place was counted but its ticket never written (a crash in between): a new ticket at the end of the
        // line, the count unchanged. Only here can a position told earlier to someone behind be one too high.
        Document pool = pools().findOneAndUpdate(eq("_id", key.id()), inc("tail", 1L));
        long ticket = pool.get("tail", Number.class).longValue() + 1;
        enqueue(key, ticket, registrationId, null);
        return Optional.of(Grant.ofTicket(ticket, null));
    }

    /** The ticket document, with the place in line it was given at (what a repeated request answers again). */
    private void enqueue(SeatKey key, long ticket, String registrationId, Integer position) {
        waitlist().updateOne(eq("_id", ticketId(key, ticket)), combine(setOnInsert("r", registrationId),
                setOnInsert("position", position), setOnInsert("at", new Date())), new UpdateOptions().upsert(true));
    }

    /** Gives a seat held by {@code registrationId} back; journaled as {@code <kind>:<id>} so it happens once. */
    public void releaseSeat(SeatKey key, String kind, String registrationId) {
        pools().updateOne(and(eq("_id", key.id()), ne("journal.op", kind + ":" + registrationId)),
                combine(inc("taken", -1), push("journal", entry(kind + ":" + registrationId, false))));
    }

    /**
     * Takes back a promotion whose person left the line meanwhile ({@code u:<id>}, once): the seat is free again and
     * they count as waiting until their own leaving removes them.
     */
    public void undoPromotion(SeatKey key, String registrationId) {
        pools().updateOne(and(eq("_id", key.id()), ne("journal.op", "u:" + registrationId)),
                combine(inc("taken", -1), inc("waiting", 1), push("journal", entry("u:" + registrationId, false))));
    }

    /** Leaves the waiting list: counted once ({@code l:<id>}), then the ticket document goes. Repeatable. */
    public void leave(SeatKey key, long ticket, String registrationId) {
        pools().updateOne(and(eq("_id", key.id()), ne("journal.op", "l:" + registrationId)),
                combine(inc("waiting", -1), push("journal", entry("l:" + registrationId, false))));
        waitlist().deleteOne(eq("_id", ticketId(key, ticket)));
    }

    /** Removes the ticket of someone whose promotion is recorded (the promotion already counted them out). */
    public void removeTicket(SeatKey key, long ticket) {
        waitlist().deleteOne(eq("_id", ticketId(key, ticket)));
    }

    /** The first people in line, in arrival order (at most {@code limit}). */
    public List<Waiting> head(SeatKey key, int limit) {
        List<Waiting> line = new ArrayList<>();
        for (Document d : waitlist().find(inPool(key)).sort(Sorts.ascending("_id")).limit(limit)) {
            String id = d.getString("_id");
            line.add(new Waiting(Long.parseLong(id.substring(id.lastIndexOf('#') + 1)), d.getString("r")));
        }
        return line;
    }

    /**
     * Gives the waiting {@code registrationId} a free seat (journaled {@code p:<id>}); false when no seat is free or
     * the promotion was already granted.
     */
    public boolean grantToWaiting(SeatKey key, Integer capacity, String registrationId) {
        String op = "p:" + registrationId;
        Bson free = capacity == null ? and(eq("_id", key.id()), ne("journal.op", op))
                : and(eq("_id", key.id()), ne("journal.op", op), lt("taken", capacity));
        return pools().updateOne(free, combine(inc("taken", 1), inc("waiting", -1), push("journal", entry(op, false))))
                .getModifiedCount() == 1;
    }

    /** Removes journal entries whose outcome the registrations now record (one update for many). */
    public void settle(SeatKey key, Collection<String> ops) {
        if (!ops.isEmpty()) {
            pools().updateOne(eq("_id", key.id()), pull("journal", new Document("op", new Document("$in", List.copyOf(ops)))));
        }
    }

    /** Journal entries older than {@code before}, for the recovery. */
    public List<JournalEntry> journalOlderThan(SeatKey key, Date before) {
        Document pool = pools().find(eq("_id", key.id())).first();
        List<JournalEntry> entries = new ArrayList<>();
        if (pool != null) {
            for (Document e : pool.getList("journal", Document.class, List.of())) {
                if (e.getDate("at").before(before)) {
                    String op = e.getString("op");
                    entries.add(new JournalEntry(op.substring(0, op.indexOf(':')), op.substring(op.indexOf(':') + 1),
                            e.getBoolean("waiting", false)));
                }
            }
        }
        return entries;
    }

    /** Where ticket {@code ticket} stands in line now (1-based), or empty when it no longer waits. */
    public Optional<Integer> position(SeatKey key, long ticket) {
        if (waitlist().find(eq("_id", ticketId(key, ticket))).first() == null) {
            return Optional.empty();
        }
        long ahead = waitlist().countDocuments(and(gt("_id", key.id() + "#"), lt("_id", ticketId(key, ticket))));
        return Optional.of((int) ahead + 1);
    }

    private Optional<Grant> ticketOf(SeatKey key, String registrationId) {
        Document d = waitlist().find(and(inPool(key), eq("r", registrationId))).first();
        if (d == null) {
            return Optional.empty();
        }
        String id = d.getString("_id");
        return Optional.of(Grant.ofTicket(Long.parseLong(id.substring(id.lastIndexOf('#') + 1)),
                d.get("position", Number.class) == null ? null : d.get("position", Number.class).intValue()));
    }

    /** Seats taken and people waiting in one pool. */
    public Counts counts(SeatKey key) {
        Document pool = pools().find(eq("_id", key.id())).projection(new Document("taken", 1).append("waiting", 1)).first();
        return pool == null ? new Counts(0, 0) : new Counts(number(pool, "taken"), number(pool, "waiting"));
    }

    private Document journalEntry(SeatKey key, String op) {
        Document pool = pools().find(eq("_id", key.id())).projection(new Document("journal", 1)).first();
        if (pool == null) {
            return null;
        }
        return pool.getList("journal", Document.class, List.of()).stream().filter(e -> op.equals(e.getString("op")))
                .findFirst().orElse(null);
    }

    private static int number(Document pool, String field) {
        Number n = pool.get(field, Number.class);
        return n == null ? 0 : n.intValue();
    }

    private static Document entry(String op, boolean waiting) {
        return new Document("op", op).append("waiting", waiting).append("at", new Date());
    }

    /** Ticket ids sort in arrival order within a pool ('#' sorts before digits, '$' after '#'). */
    static String ticketId(SeatKey key, long ticket) {
        return key.id() + "#" + String.format("%015d", ticket);
    }

    private static Bson inPool(SeatKey key) {
        return and(gt("_id", key.id() + "#"), lt("_id", key.id() + "$"));
    }

    /** How full one pool is. */
    public record Counts(int taken, int waiting) {
    }

    /** One person in line. */
    public record Waiting(long ticket, String registrationId) {
    }

    /** A journaled operation: its kind ({@code a}, {@code p}, {@code r}…), registration, and whether it was a ticket. */
    public record JournalEntry(String kind, String registrationId, boolean waiting) {
    }
}
