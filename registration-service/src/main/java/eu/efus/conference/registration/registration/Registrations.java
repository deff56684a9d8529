package eu.efus.conference.registration.registration;

import eu.efus.conference.kit.outbox.Outbox;
import eu.efus.conference.kit.outbox.OutboxRelay;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Stores registrations. Every write of a change is one update of one document, conditional on
 * {@code {_id, version}} (a unique compound index, so the embedded wire server finds it by index too), carrying the
 * facts of the change in the document's outbox.
 *
 * <p>A write never removes {@code checkInKey}: a registration stored before check-in codes existed is given its key by
 * the start-up pass ({@code CheckInKeyBackfill}) without changing its version, so a transition that read it just
 * before must not erase the key it was given meanwhile.
 */
@Repository
public class Registrations {

    static final String COLLECTION = "registrations";
    /** Stored field names of the aggregate (the record components; {@code id} is {@code _id}). */
    private static final List<String> FIELDS = Arrays.stream(Registration.class.getRecordComponents())
            .map(RecordComponent::getName).filter(n -> !n.equals("id") && !n.equals("version")).toList();
    /** Fields a write sets when it has a value and otherwise leaves as stored. */
    private static final Set<String> NEVER_REMOVED = Set.of("checkInKey");

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public Registrations(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Optional<Registration> find(String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, Registration.class));
    }

    public Optional<Registration> byIdempotencyKey(String key) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(key)), Registration.class));
    }

    public Optional<Registration> byActiveKey(String key) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("activeKey").is(key)), Registration.class));
    }

    /** The registration whose check-in code has this lookup key: one read of the unique {@code check_in_key} index. */
    public Optional<Registration> byCheckInKey(String key) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("checkInKey").is(key)), Registration.class));
    }

    /**
     * The registrations of an event in one of {@code statuses}, without their unpublished facts (the outbox is not
     * part of the aggregate, and can be long). Reads the whole event: for lists and counts, never for one request
     * about one person.
     */
    public List<Registration> ofEvent(String eventCode, Collection<RegistrationStatus> statuses) {
        Query query = Query.query(Criteria.where("eventCode").is(eventCode).and("status")
                .in(statuses.stream().map(Enum::name).toList()));
        query.fields().exclude(Outbox.EVENTS);
        return mongo.find(query, Registration.class);
    }

    /** Up to {@code limit} ids of registrations stored without a check-in key (before check-in codes existed). */
    public List<String> withoutCheckInKey(int limit) {
        Query query = Query.query(Criteria.where("checkInKey").exists(false)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /**
     * Gives a registration its check-in key if it has none; true when this call set it. The version is left alone:
     * the key is not part of any transition, and writes never remove it.
     */
    public boolean giveCheckInKey(String id, String key) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("checkInKey").exists(false)),
                new Update().set("checkInKey", key), COLLECTION).getModifiedCount() == 1;
    }

    /** Inserts a new registration (with the first facts, if any); duplicate keys surface as DuplicateKeyException. */
    public void insert(Registration registration, Registration.Change change) {
        Document stored = new Document();
        mongo.getConverter().write(registration, stored);
        if (change != null) {
            stored.putAll(Outbox.fieldsFor(change.facts()));
        }
        try {
            mongo.getCollection(COLLECTION).insertOne(stored);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw new org.springframework.dao.DuplicateKeyException(e.getError().getMessage(), e);
            }
            throw e;
        }
        if (change != null && !change.facts().isEmpty()) {
            relay.wake();
        }
    }

    /**
     * Writes {@code change} if the stored registration is still at {@code before}'s version; returns the stored state
     * (version + 1) or empty when someone else changed it first.
     */
    public Optional<Registration> save(Registration before, Registration.Change change) {
        return save(before, change.after(), change.facts());
    }

    public Optional<Registration> save(Registration before, Registration after) {
        return save(before, after, List.of());
    }

    private Optional<Registration> save(Registration before, Registration after, List<eu.efus.conference.contracts.CloudEvent> facts) {
        Document fields = new Document();
        mongo.getConverter().write(after, fields);
        Update update = new Update();
        for (String field : FIELDS) {
            Object value = fields.get(field);
            if (value == null) {
                if (!NEVER_REMOVED.contains(field)) {
                    update.unset(field);
                }
            } else {
                update.set(field, value);
            }
        }
        update.inc("version", 1);
        Outbox.append(update, facts);
        boolean written = mongo.updateFirst(Query.query(Criteria.where("_id").is(before.id()).and("version")
                .is(before.version())), update, COLLECTION).getModifiedCount() == 1;
        if (!written) {
            return Optional.empty();
        }
        if (!facts.isEmpty()) {
            relay.wake();
        }
        return Optional.of(after.withVersion(before.version() + 1));
    }

    /** Registrations with seat work left whose time has come ({@code pendingWork} index entries only). */
    public List<String> withPendingWorkBefore(Instant before) {
        Query all = Query.query(Criteria.where("pendingWork").regex(Pattern.compile("^")));
        all.fields().include("pendingWork");
        List<String> ids = new ArrayList<>();
        for (Document d : mongo.find(all, Document.class, COLLECTION)) {
            if (!Registration.pendingSince(d.getString("pendingWork")).isAfter(before)) {
                ids.add(d.getString("_id"));
            }
        }
        return ids;
    }
}
