package eu.efus.conference.registration;

import eu.efus.conference.kit.outbox.Outbox;
import eu.efus.conference.kit.security.StaffEndpoints;
import eu.efus.conference.registration.registration.Registration;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

/** The service's wiring: clock, staff-only endpoints and the indexes its rules rely on. */
@Configuration(proxyBeanMethods = false)
public class RegistrationConfiguration {

    /** Millisecond ticks: what MongoDB stores, so an answer replayed from the database equals the first one. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    StaffEndpoints staffEndpoints() {
        return new StaffEndpoints().require("ORGANIZER", "/api/admin/**");
    }

    /** Created explicitly at start: the duplicate and idempotency rules depend on these unique indexes. */
    @Bean
    IndexesReady registrationIndexes(MongoTemplate mongo) {
        IndexOperations registrations = mongo.indexOps(Registration.class);
        registrations.createIndex(new Index("activeKey", Sort.Direction.ASC).unique().sparse().named("one_active_per_event_email"));
        registrations.createIndex(new Index("idempotencyKey", Sort.Direction.ASC).unique().sparse().named("idempotency_key"));
        registrations.createIndex(new Index().on("eventCode", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC));
        registrations.createIndex(new Index("status", Sort.Direction.ASC));
        mongo.getCollection("registrations").createIndex(new Document(Outbox.FLAG, 1));
        return new IndexesReady();
    }

    /** Marker that the indexes exist; beans that write registrations can depend on it. */
    public static final class IndexesReady {
    }
}
