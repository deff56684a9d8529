package eu.efus.conference.accreditation.catalog;

import eu.efus.conference.contracts.EventDetails;
import eu.efus.conference.kit.problem.ApiException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The events this service knows, copied from registration-service's facts; never asked for synchronously. */
@Service
public class EventCopy {

    private static final Logger log = LoggerFactory.getLogger(EventCopy.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    public EventCopy(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The event with this code, or 404. */
    public PressEvent require(String code) {
        PressEvent event = code == null ? null : mongo.findById(code, PressEvent.class);
        if (event == null) {
            throw ApiException.notFound("No event with code " + code);
        }
        return event;
    }

    /**
     * Stores the event as published at {@code factTime}: an upsert by code, so applying the same fact twice changes
     * nothing, and guarded by the fact's time, so an older fact delivered late never replaces a newer copy.
     * Returns whether the copy was written.
     */
    public boolean apply(EventDetails details, Instant factTime) {
        PressEvent copy = PressEvent.of(details, factTime, clock.instant());
        Update update = new Update().set("kind", copy.kind()).set("title", copy.title()).set("venue", copy.venue())
                .set("city", copy.city()).set("country", copy.country()).set("startsAt", copy.startsAt())
                .set("endsAt", copy.endsAt()).set("timezone", copy.timezone()).set("languages", copy.languages())
                .set("registrationOpensAt", copy.registrationOpensAt())
                .set("registrationClosesAt", copy.registrationClosesAt()).set("pressQuota", copy.pressQuota())
                .set("sourceTime", copy.sourceTime()).set("copiedAt", copy.copiedAt());
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(copy.code()).and("sourceTime").lte(factTime)), update,
                    PressEvent.class);
        } catch (DuplicateKeyException e) {
            // The copy exists and is newer than this fact: the upsert's insert collided with it. Nothing to do.
            log.info("Event {}: a newer copy is already stored; older fact ignored", copy.code());
            return false;
        }
        log.info("Event {} copied (press quota {})", copy.code(), copy.pressQuota());
        return true;
    }
}
