package eu.efus.conference.accreditation.accreditation;

import eu.efus.conference.kit.identity.Fingerprint;
import eu.efus.conference.kit.identity.ManageToken;
import eu.efus.conference.kit.identity.Ids;
import eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Action;
import eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Move;
import eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Refused;
import eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Step;
import eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Unchanged;
import eu.efus.conference.accreditation.catalog.EventCopy;
import eu.efus.conference.accreditation.catalog.PressEvent;
import eu.efus.conference.accreditation.quota.PressQuota;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.Journalist;
import eu.efus.conference.kit.ServiceKitProperties;
import eu.efus.conference.kit.outbox.Outbox;
import eu.efus.conference.kit.outbox.OutboxRelay;
import eu.efus.conference.kit.problem.ApiException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.springframework.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Receives accreditation requests, lets the journalist answer or withdraw through the private link, and records the
 * press officer's decisions. Every transition is ONE MongoDB update guarded by the status and version that were read:
 * the new state, its history entry and its event (outbox) are written together or not at all. Approvals first take a
 * slot of the event's press quota (an atomic pool), then change the state.
 */
@Service
public class AccreditationService {

    /** Stored with a request sent with an Idempotency-Key ("event|key", unique sparse index) and its body's hash. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String REQUEST_HASH = "requestHash";

    /** Who the history names for what the journalist does through the private link (no personal data in the trail). */
    static final String JOURNALIST = "journalist";
    private static final Logger log = LoggerFactory.getLogger(AccreditationService.class);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** A journalist's action retries when only a concurrent change got in the way; a decision never does (see decide). */
    private static final int JOURNALIST_ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final EventCopy events;
    private final PressQuota quota;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String publicBaseUrl;

    public AccreditationService(MongoTemplate mongo, EventCopy events, PressQuota quota, OutboxRelay relay, Clock clock,
            ServiceKitProperties properties) {
        this.mongo = mongo;
        this.events = events;
        this.quota = quota;
        this.relay = relay;
        this.clock = clock;
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    // --- the journalist ---------------------------------------------------------------------------------------------

    /** A request as answered: created now, or the first answer again for a repeated Idempotency-Key. */
    public record Requested(Accreditation accreditation, boolean replayed) {
    }

    /**
     * Stores a new PENDING request and its "received" event (carrying the private link) in one insert. With an
     * Idempotency-Key, the same key and body again answer with that request (it is one insert, so there is never a
     * half-done one to finish); the same key with another body is refused.
     */
    public Requested request(String eventCode, AccreditationRequest request, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 64)) {
            throw ApiException.invalid("Idempotency-Key", "must be 1 to 64 characters");
        }
        PressEvent event = events.require(eventCode);
        String keyId = idempotencyKey == null ? null : eventCode + "|" + idempotencyKey;
        String requestHash = Fingerprint.of(request);
        if (!COUNTRIES.contains(request.country())) {
            throw ApiException.invalid("country", "unknown country code " + request.country());
        }
        Instant now = clock.instant();
        if (!event.requestsOpen(now)) {
            // A retry of a request accepted before the window closed still gets its answer.
            if (keyId != null) {
                Document previous = mongo.getCollection(Accreditation.COLLECTION)
                        .find(new Document(IDEMPOTENCY_KEY, keyId)).first();
                if (previous != null) {
                    return replay(previous, requestHash);
                }
            }
            throw ApiException.conflict("Accreditation requests for " + eventCode + " are closed");
        }
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        String id = Ids.random();
        String token = ManageToken.generate();
        Journalist journalist = new Journalist(request.firstName().strip(), request.lastName().strip(), email,
                request.mediaOutlet().strip(), request.mediaType(), request.country(), strip(request.pressCardNumber()));
        Accreditation accreditation = new Accreditation(id, eventCode, Accreditation.activeKey(eventCode, email),
                AccreditationStatus.PENDING, journalist, request.language(), strip(request.coverageNotes()), null, null, null,
                null, null, List.of(ManageToken.hash(token)),
                List.of(new Accreditation.HistoryEntry(now, JOURNALIST, null, AccreditationStatus.PENDING, null, null)),
                now, now, 0);
        Document document = new Document();
        mongo.getConverter().write(accreditation, document);
        // Document and event in one insert: there is no moment where the request exists and its email is not due.
        document.putAll(Outbox.fieldsFor(List.of(AccreditationEvents.received(accreditation, event, privateUrl(id, token)))));
        if (keyId != null) {
            document.put(IDEMPOTENCY_KEY, keyId);
            document.put(REQUEST_HASH, requestHash);
        }
        try {
            mongo.getCollection(Accreditation.COLLECTION).insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                if (keyId != null) {
                    Document previous = mongo.getCollection(Accreditation.COLLECTION)
                            .find(new Document(IDEMPOTENCY_KEY, keyId)).first();
                    if (previous != null) {
                        return replay(previous, requestHash);
                    }
                }
                throw ApiException.conflict("A request for this email address is already active for " + eventCode
                        + "; use the link in the email you received to follow it");
            }
            throw e;
        }
        relay.wake();
        log.info("Accreditation {} requested for {}", id, eventCode);
        return new Requested(accreditation, false);
    }

    /** The same key again: the first request's answer, or 422 when the key came with another body. */
    private Requested replay(Document previous, String requestHash) {
        if (!requestHash.equals(previous.getString(REQUEST_HASH))) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request body");
        }
        return new Requested(mongo.getConverter().read(Accreditation.class, previous), true);
    }

    /** The request behind a private link; an unknown id and a wrong token look the same (404). */
    public Accreditation find(String id, String token) {
        Accreditation accreditation = id == null ? null : mongo.findById(id, Accreditation.class);
        if (accreditation == null || !accreditation.acceptsToken(token)) {
            throw ApiException.notFound("No accreditation request matches this link");
        }
        return accreditation;
    }

    /** Answers the press officer's question; the request is PENDING again. */
    public Accreditation answer(String id, String token, String answer) {
        String text = answer.strip();
        return journalistAction(id, token, Action.ANSWER, "This request cannot be answered: ", current -> new Change(
                new Update().set("answer", text),
                new Accreditation.HistoryEntry(clock.instant(), JOURNALIST, current.status(), AccreditationStatus.PENDING,
                        null, text),
                AccreditationEvents.infoProvided(current, text)));
    }

    /** Withdraws the request; withdrawing again answers the same. */
    public Accreditation withdraw(String id, String token) {
        Accreditation withdrawn = journalistAction(id, token, Action.WITHDRAW, "This request cannot be withdrawn: ",
                current -> new Change(new Update(),
                        new Accreditation.HistoryEntry(clock.instant(), JOURNALIST, current.status(),
                                AccreditationStatus.WITHDRAWN, null, null),
                        AccreditationEvents.withdrawn(current, events.require(current.eventCode()))));
        // A slot an approval reserved but lost in a race is free now: a withdrawn request can never be approved.
        quota.release(withdrawn.eventCode(), withdrawn.id());
        return withdrawn;
    }

    private Accreditation journalistAction(String id, String token, Action action, String refusal,
            Function<Accreditation, Change> change) {
        for (int attempt = 0; attempt < JOURNALIST_ATTEMPTS; attempt++) {
            Accreditation current = find(id, token);
            Step step = AccreditationLifecycle.next(current.status(), action);
            if (step instanceof Unchanged) {
                return current;
            }
            if (step instanceof Refused refused) {
                throw ApiException.conflict(refusal + refused.reason());
            }
            Move move = (Move) step;
            Change prepared = change.apply(current);
            if (transition(current, move, prepared)) {
                log.info("Accreditation {}: {} -> {} by the journalist", id, move.from(), move.to());
                return mongo.findById(id, Accreditation.class);
            }
            // The press officer changed it meanwhile: decide again on what it is now.
        }
        throw ApiException.conflict("The request kept changing while you acted on it; please try again");
    }

    // --- the press desk ---------------------------------------------------------------------------------------------

    /** One request for the press desk, or 404. */
    public Accreditation get(String id) {
        Accreditation accreditation = id == null ? null : mongo.findById(id, Accreditation.class);
        if (accreditation == null) {
            throw ApiException.notFound("No accreditation request " + id);
        }
        return accreditation;
    }

    /** Requests of one event and/or in one state (both optional), oldest first: the order they arrived in. */
    public List<Accreditation> list(String eventCode, AccreditationStatus status) {
        Query query = new Query().with(Sort.by("createdAt", "_id"));
        if (eventCode != null) {
            events.require(eventCode);
            query.addCriteria(Criteria.where("eventCode").is(eventCode));
        }
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        return mongo.find(query, Accreditation.class);
    }

    /**
     * Records the press officer's decision. The rule when officers act at the same moment: the decision is checked
     * against the state that was read and written only if that state is still current (status + version). The first
     * one wins; for everyone else the request is re-read: a decision that is already what it now is (the same final
     * decision) answers 200 unchanged, anything else 409 — including a decision that would be allowed from the new
     * state, because the officer decided on a state that no longer exists.
     */
    public Accreditation decide(String id, Decision decision, String reason, String officer) {
        String text = strip(reason);
        if (decision.needsReason() && text == null) {
            throw ApiException.invalid("reason", decision == Decision.REJECTED
                    ? "is required to reject (it is told to the journalist)"
                    : "is required to ask for information (it is the question)");
        }
        Accreditation current = get(id);
        Step step = AccreditationLifecycle.next(current.status(), decision.action());
        if (step instanceof Unchanged) {
            return current;
        }
        if (step instanceof Refused refused) {
            throw ApiException.conflict("Cannot decide " + decision + ": " + refused.reason());
        }
        Move move = (Move) step;
        PressEvent event = events.require(current.eventCode());
        if (decision == Decision.APPROVED) {
            reserveSlot(event, id);
        }
        Instant now = clock.instant();
        Update update = new Update().set("decidedAt", now).set("decidedBy", officer);
        CloudEvent fact = switch (decision) {
            case APPROVED -> AccreditationEvents.approved(current, event, officer);
            case REJECTED -> {
                update.set("reason", text);
                yield AccreditationEvents.rejected(current, event, text, officer);
            }
            case NEEDS_INFO -> {
                // Tokens are only ever held as hashes, so this email carries a new one; earlier links keep working.
                String token = ManageToken.generate();
                update.set("question", text).set("answer", null).push("tokenHashes", ManageToken.hash(token));
                yield AccreditationEvents.needsInfo(current, event, text, officer, privateUrl(id, token));
            }
        };
        Change change = new Change(update, new Accreditation.HistoryEntry(now, officer, move.from(), move.to(), text, null),
                fact);
        if (transition(current, move, change)) {
            if (move.to() == AccreditationStatus.REJECTED) {
                quota.release(event.code(), id); // a slot an approval reserved but lost in a race
            }
            log.info("Accreditation {}: {} -> {} by the press desk", id, move.from(), move.to());
            return mongo.findById(id, Accreditation.class);
        }
        Accreditation after = get(id);
        if (after.status() == AccreditationStatus.REJECTED || after.status() == AccreditationStatus.WITHDRAWN) {
            // Only now is our slot safe to give back: from these states nobody can approve it any more. While it is
            // PENDING or NEEDS_INFO another officer approving the same request may count on the same (shared) slot.
            quota.release(event.code(), id);
        }
        if (AccreditationLifecycle.next(after.status(), decision.action()) instanceof Unchanged) {
            return after;
        }
        throw ApiException.conflict("Another decision on this request was recorded at the same moment (it is now "
                + after.status() + "); reload it before deciding");
    }

    /** Takes a slot of the event's press quota for this request, or refuses with 409 naming the quota. */
    private void reserveSlot(PressEvent event, String id) {
        if (quota.reserve(event.code(), event.pressQuota(), id)) {
            return;
        }
        // Slots left by requests that ended REJECTED or WITHDRAWN (a lost race, a crash between two steps) are free.
        List<String> holders = quota.holders(event.code());
        if (!holders.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(holders).and("status")
                            .in(AccreditationStatus.REJECTED, AccreditationStatus.WITHDRAWN)), Accreditation.class)
                    .forEach(settled -> quota.release(event.code(), settled.id()));
        }
        if (!quota.reserve(event.code(), event.pressQuota(), id)) {
            throw ApiException.conflict("The press quota of " + event.pressQuota() + " for " + event.code() + " is reached");
        }
    }

    // --- one transition ---------------------------------------------------------------------------------------------

    /** What one transition writes besides the status: its fields, its history entry and its event. */
    private record Change(Update update, Accreditation.HistoryEntry entry, CloudEvent fact) {
    }

    /** Applies the change if the request is still exactly as read; returns whether it was applied. */
    private boolean transition(Accreditation current, Move move, Change change) {
        Update update = change.update().set("status", move.to()).set("updatedAt", change.entry().at()).inc("version", 1)
                .push("history", change.entry());
        if (!move.to().active()) {
            update.unset("activeKey"); // the journalist may ask again for this event
        }
        Outbox.append(update, change.fact());
        boolean applied = mongo.updateFirst(Query.query(Criteria.where("_id").is(current.id())
                        .and("status").is(current.status()).and("version").is(current.version())), update, Accreditation.class)
                .getModifiedCount() == 1;
        if (applied) {
            relay.wake();
        }
        return applied;
    }

    String privateUrl(String id, String token) {
        return ManageToken.link(publicBaseUrl, "accreditation", id, token);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
