package eu.efus.conference.registration.catalog;

import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventCreated;
import eu.efus.conference.contracts.EventDetails;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.EventUpdated;
import eu.efus.conference.kit.outbox.Outbox;
import eu.efus.conference.kit.outbox.OutboxRelay;
import eu.efus.conference.kit.problem.Refusal;
import eu.efus.conference.kit.problem.FieldProblem;
import eu.efus.conference.registration.capacity.SeatKey;
import eu.efus.conference.registration.capacity.SeatLedger;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Creates, changes and shows events and their programmes. */
@Service
public class EventCatalog {

    static final String COLLECTION = "events";
    static final String SOURCE = "/registration-service";

    /** How long a registration may work with a copy of its event read earlier (see {@link #cached}). */
    static final Duration CACHE_TTL = Duration.ofSeconds(2);

    private final MongoTemplate mongo;
    private final SeatLedger seats;
    private final OutboxRelay relay;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public EventCatalog(MongoTemplate mongo, SeatLedger seats, OutboxRelay relay, Clock clock,
            ApplicationEventPublisher publisher) {
        this.mongo = mongo;
        this.seats = seats;
        this.relay = relay;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Published after an event or its programme changed, for the rules that follow from it (promotions). */
    public record ProgrammeChanged(ConferenceEvent event) {
    }

    private record Cached(ConferenceEvent event, long readAtNanos) {
    }

    public Optional<ConferenceEvent> find(String code) {
        return Optional.ofNullable(code == null ? null : mongo.findById(code, ConferenceEvent.class));
    }

    public ConferenceEvent require(String code) {
        return find(code).orElseThrow(() -> Refusal.notFound("No event with code " + code));
    }

    /**
     * The event as read at most {@link #CACHE_TTL} ago: a registration does not pay a round trip for it. A change made
     * through another instance (a capacity, the registration window) is seen within that time; seats stay exact, since
     * a pool only gives a seat under its capacity, and a raised capacity is applied by the promotion that follows it.
     */
    public ConferenceEvent cached(String code) {
        Cached c = code == null ? null : cache.get(code);
        if (c != null && System.nanoTime() - c.readAtNanos() < CACHE_TTL.toNanos()) {
            return c.event();
        }
        ConferenceEvent event = require(code);
        cache.put(code, new Cached(event, System.nanoTime()));
        return event;
    }

    public boolean isEmpty() {
        return mongo.estimatedCount(ConferenceEvent.class) == 0;
    }

    /** Events that have not ended yet, soonest first. */
    public List<ConferenceEvent> upcoming() {
        return mongo.find(Query.query(Criteria.where("endsAt").gt(clock.instant())).with(Sort.by("startsAt")),
                ConferenceEvent.class);
    }

    public List<ConferenceEvent> all() {
        return mongo.find(new Query().with(Sort.by("startsAt")), ConferenceEvent.class);
    }

    public ConferenceEvent create(EventInput input) {
        if (input.code() == null) {
            throw Refusal.invalid("code", "is required");
        }
        Instant now = clock.instant();
        ConferenceEvent event = toEvent(input.code(), input, now, now);
        // The event and the fact that it was created are written together (single-document outbox).
        Document stored = new Document();
        mongo.getConverter().write(event, stored);
        stored.putAll(Outbox.fieldsFor(List.of(CloudEventCodec.create(SOURCE, EventTypes.EVENT_CREATED, event.code(),
                new EventCreated(details(event))))));
        try {
            mongo.getCollection(COLLECTION).insertOne(stored);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            throw Refusal.conflict("An event with code " + input.code() + " already exists");
        }
        relay.wake();
        openPools(event);
        return event;
    }

    public ConferenceEvent update(String code, EventInput input) {
        if (input.code() != null && !input.code().equals(code)) {
            throw Refusal.invalid("code", "does not match the event in the path (" + code + ")");
        }
        ConferenceEvent existing = require(code);
        ConferenceEvent updated = toEvent(code, input, existing.createdAt(), clock.instant());
        for (ConferenceEvent.Session session : existing.sessions()) {
            boolean kept = updated.session(session.code()).isPresent();
            SeatLedger.Counts counts = seats.counts(SeatKey.session(code, session.code()));
            if (!kept && counts.taken() + counts.waiting() > 0) {
                throw Refusal.conflict("Session " + session.code() + " has registrations and cannot be removed");
            }
        }
        // Field by field, so unpublished facts already waiting in the document are kept.
        Document fields = new Document();
        mongo.getConverter().write(updated, fields);
        fields.remove("_id");
        fields.remove("_class");
        Update update = new Update();
        fields.forEach(update::set);
        Outbox.append(update, CloudEventCodec.create(SOURCE, EventTypes.EVENT_UPDATED, code, new EventUpdated(details(updated))));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(code)), update, COLLECTION);
        relay.wake();
        openPools(updated);
        cache.remove(code);
        publisher.publishEvent(new ProgrammeChanged(updated));
        return updated;
    }

    /** The event as other services keep a copy of it. */
    static EventDetails details(ConferenceEvent event) {
        ZoneId zone = event.zone();
        return new EventDetails(event.code(), event.kind().name(), event.title(), event.venue(), event.city(), event.country(),
                event.startsAt().atZone(zone).toOffsetDateTime(), event.endsAt().atZone(zone).toOffsetDateTime(),
                event.timezone(), event.languages(), offset(event.registrationOpensAt(), zone),
                offset(event.registrationClosesAt(), zone), event.pressQuota());
    }

    /** Every seat count has its pool before anyone registers. */
    private void openPools(ConferenceEvent event) {
        seats.ensure(SeatKey.event(event.code()));
        for (ConferenceEvent.Session session : event.sessions()) {
            seats.ensure(SeatKey.session(event.code(), session.code()));
        }
    }

    private ConferenceEvent toEvent(String code, EventInput input, Instant createdAt, Instant updatedAt) {
        List<FieldProblem> errors = new ArrayList<>();
        if (input.title() != null && input.title().isEmpty()) {
            errors.add(new FieldProblem("title", "needs a French or an English title"));
        }
        ZoneId zone = null;
        try {
            zone = input.timezone() == null ? null : ZoneId.of(input.timezone());
        } catch (DateTimeException e) {
            errors.add(new FieldProblem("timezone", "is not a known time zone"));
        }
        if (!input.startsAt().isBefore(input.endsAt())) {
            errors.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        if (input.registrationOpensAt() != null && input.registrationClosesAt() != null
                && !input.registrationOpensAt().isBefore(input.registrationClosesAt())) {
            errors.add(new FieldProblem("registrationClosesAt", "must be after registrationOpensAt"));
        }
        List<ConferenceEvent.Session> sessions = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        List<EventInput.SessionInput> inputs = input.sessions() == null ? List.of() : input.sessions();
        for (int i = 0; i < inputs.size(); i++) {
            EventInput.SessionInput s = inputs.get(i);
            if (!codes.add(s.code())) {
                errors.add(new FieldProblem("sessions[" + i + "].code", "is used twice"));
            }
            if (s.title().isEmpty()) {
                errors.add(new FieldProblem("sessions[" + i + "].title", "needs a French or an English title"));
            }
            if (!s.startsAt().isBefore(s.endsAt())) {
                errors.add(new FieldProblem("sessions[" + i + "].endsAt", "must be after startsAt"));
            }
            sessions.add(new ConferenceEvent.Session(s.code(), s.kind(), s.title().text(), s.startsAt().toInstant(),
                    s.endsAt().toInstant(), s.language(), s.capacity()));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new ConferenceEvent(code, input.kind(), input.title().text(), input.venue(), input.city(), input.country(),
                input.startsAt().toInstant(), input.endsAt().toInstant(), zone.getId(), List.copyOf(input.languages()),
                input.capacity(), instant(input.registrationOpensAt()), instant(input.registrationClosesAt()),
                input.pressQuota(), List.copyOf(sessions), createdAt, updatedAt);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    public EventViews.EventListItem listItem(ConferenceEvent event) {
        ZoneId zone = event.zone();
        SeatLedger.Counts counts = seats.counts(SeatKey.event(event.code()));
        return new EventViews.EventListItem(event.code(), event.kind().name(), event.title(), event.city(), event.country(),
                event.startsAt().atZone(zone).toOffsetDateTime(), event.endsAt().atZone(zone).toOffsetDateTime(),
                event.timezone(), event.languages(), event.registrationOpen(clock.instant()), event.capacity(),
                left(event.capacity(), counts));
    }

    public EventViews.EventDetail detail(ConferenceEvent event) {
        ZoneId zone = event.zone();
        SeatLedger.Counts counts = seats.counts(SeatKey.event(event.code()));
        List<EventViews.SessionView> sessions = event.sessions().stream().map(s -> {
            SeatLedger.Counts c = seats.counts(SeatKey.session(event.code(), s.code()));
            return new EventViews.SessionView(s.code(), s.kind().name(), s.title(), s.startsAt(zone), s.endsAt(zone),
                    s.language(), s.capacity(), left(s.capacity(), c), c.waiting());
        }).toList();
        return new EventViews.EventDetail(event.code(), event.kind().name(), event.title(), event.venue(), event.city(),
                event.country(), event.startsAt().atZone(zone).toOffsetDateTime(), event.endsAt().atZone(zone).toOffsetDateTime(),
                event.timezone(), event.languages(), event.registrationOpen(clock.instant()),
                offset(event.registrationOpensAt(), zone), offset(event.registrationClosesAt(), zone), event.capacity(),
                left(event.capacity(), counts), counts.waiting(), event.pressQuota(), sessions);
    }

    private static OffsetDateTime offset(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static Integer left(Integer capacity, SeatLedger.Counts counts) {
        return capacity == null ? null : Math.max(0, capacity - counts.taken());
    }
}
