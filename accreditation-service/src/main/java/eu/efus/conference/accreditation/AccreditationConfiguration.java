package eu.efus.conference.accreditation;

import eu.efus.conference.accreditation.accreditation.AccreditationService;

import eu.efus.conference.accreditation.accreditation.Accreditation;
import eu.efus.conference.kit.security.StaffEndpoints;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.http.HttpMethod;

/** The service's wiring: clock, the press desk's staff rules and the indexes its rules rely on. */
@Configuration(proxyBeanMethods = false)
public class AccreditationConfiguration {

    /** Millisecond ticks: what MongoDB stores, so a value read back equals the one written. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /**
     * Only the desk's list and decisions need a role here. {@code GET /api/accreditations/{id}} stays public on purpose:
     * the journalist opens it with the private token, and the controller shows the staff view to a press officer.
     */
    @Bean
    StaffEndpoints staffEndpoints() {
        return new StaffEndpoints()
                .require("PRESS_OFFICER", HttpMethod.GET, "/api/accreditations")
                .require("PRESS_OFFICER", HttpMethod.POST, "/api/accreditations/*/decision");
    }

    /** Created explicitly at start: the one-active-request rule depends on the unique sparse index. */
    @Bean
    IndexesReady accreditationIndexes(MongoTemplate mongo) {
        IndexOperations accreditations = mongo.indexOps(Accreditation.class);
        accreditations.createIndex(new Index("activeKey", Sort.Direction.ASC).unique().sparse().named("one_active_per_event_email"));
        accreditations.createIndex(new Index(AccreditationService.IDEMPOTENCY_KEY, Sort.Direction.ASC).unique().sparse()
                .named("idempotency_key"));
        accreditations.createIndex(new Index().on("eventCode", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC));
        accreditations.createIndex(new Index("status", Sort.Direction.ASC));
        return new IndexesReady();
    }

    /** Marker that the indexes exist. */
    public static final class IndexesReady {
    }
}
