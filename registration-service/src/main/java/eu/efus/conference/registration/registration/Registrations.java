package eu.efus.conference.registration.registration;

import eu.efus.conference.kit.outbox.Outbox;
import eu.efus.conference.kit.outbox.OutboxRelay;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 */
@Repository
public class Registrations {

    static final String COLLECTION = "registrations";
    /** Stored field names of the aggregate (the record components; {@code id} is {@code _id}). */
    private static final List<String> FIELDS = Arrays.stream(Registration.class.getRecordComponents())
            .map(RecordComponent::getName).filter(n -> !n.equals("id") && !n.equals("version")).toList();

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
                update.unset(field);
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
