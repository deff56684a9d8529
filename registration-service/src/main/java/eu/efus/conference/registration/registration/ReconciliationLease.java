package eu.efus.conference.registration.registration;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may run the reconciliation: one instance at a time. The lease is one document in {@code leases}
 * ({@code _id} = the lease's name, {@code holder}, {@code until}); an instance takes it when it is free or expired, or
 * renews it while it holds it, in one conditional update. A holder that dies simply stops renewing: another instance
 * takes the lease over once {@code until} has passed. The work it guards is safe to repeat, so a holder that overruns
 * its lease costs duplicated effort, never a duplicated effect.
 */
@Component
public class ReconciliationLease {

    static final String COLLECTION = "leases";
    static final String NAME = "reconciliation";

    private final MongoTemplate mongo;
    private final String name;
    private final String holder;

    @Autowired
    public ReconciliationLease(MongoTemplate mongo) {
        this(mongo, NAME, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    ReconciliationLease(MongoTemplate mongo, String name, String holder) {
        this.mongo = mongo;
        this.name = name;
        this.holder = holder;
    }

    /** This instance's name in the lease document. */
    public String holder() {
        return holder;
    }

    /**
     * Takes or renews the lease until {@code now + duration}; false when another instance holds it. One update when
     * the lease is ours, free or expired; when it is not, one read tells whether it exists at all, and only the very
     * first take inserts it (an insert that meets a concurrent one loses): a live lease held elsewhere costs no
     * failed write.
     */
    public boolean tryTake(Instant now, Duration duration) {
        Date until = Date.from(now.plus(duration));
        var leases = mongo.getCollection(COLLECTION);
        if (leases.updateOne(and(eq("_id", name), or(eq("holder", holder), lte("until", Date.from(now)))),
                combine(set("holder", holder), set("until", until))).getMatchedCount() == 1) {
            return true;
        }
        if (leases.find(eq("_id", name)).first() != null) {
            return false; // someone else holds a live lease
        }
        try {
            leases.insertOne(new Document("_id", name).append("holder", holder).append("until", until));
            return true;
        } catch (MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false; // another instance created it at the same moment
            }
            throw e;
        }
    }

    /** Gives the lease up (at shutdown), so another instance need not wait for it to expire. */
    public void release() {
        mongo.getCollection(COLLECTION).updateOne(and(eq("_id", name), eq("holder", holder)),
                set("until", new Date(0)));
    }
}
