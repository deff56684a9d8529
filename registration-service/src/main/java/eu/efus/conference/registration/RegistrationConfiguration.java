package eu.efus.conference.registration;

import eu.efus.conference.kit.security.StaffEndpoints;
import eu.efus.conference.registration.checkin.CheckInCodes;
import eu.efus.conference.registration.registration.Registration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

/** The service's wiring: clock, staff-only endpoints, background work and the indexes its rules rely on. */
@Configuration(proxyBeanMethods = false)
public class RegistrationConfiguration {

    /** Millisecond ticks: what MongoDB stores, so an answer replayed from the database equals the first one. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** Organisers run the events; the check-in desks (CHECK_IN) admit people, and organisers may stand in for them. */
    @Bean
    StaffEndpoints staffEndpoints() {
        return new StaffEndpoints().require("ORGANIZER", "/api/admin/**")
                .requireAny(List.of("CHECK_IN", "ORGANIZER"), "/api/checkin/**");
    }

    /** Signs and checks the check-in codes printed in the emails and on the badges. */
    @Bean
    CheckInCodes checkInCodes(@Value("${conference.checkin.secret}") String secret) {
        return new CheckInCodes(secret);
    }

    /**
     * Work that follows a request but need not delay its answer (filling seats freed while someone joined a line).
     * One thread: promotions of one pool are cheap and ordered; a full queue runs the task in the caller.
     */
    @Bean(destroyMethod = "shutdown")
    Executor seatingExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(1000),
                r -> {
                    Thread t = new Thread(r, "seating");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * Created explicitly at start. Unique ones carry rules (one active registration per email, Idempotency-Key,
     * versioned writes by {_id, version}, one registration per check-in code) and are also the only indexes the embedded wire server uses to find
     * documents, so every hot-path query names exactly one of them; the others serve organiser lists on MongoDB.
     */
    @Bean
    IndexesReady registrationIndexes(MongoTemplate mongo) {
        IndexOperations registrations = mongo.indexOps(Registration.class);
        registrations.createIndex(new Index("activeKey", Sort.Direction.ASC).unique().sparse().named("one_active_per_event_email"));
        registrations.createIndex(new Index("idempotencyKey", Sort.Direction.ASC).unique().sparse().named("idempotency_key"));
        registrations.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("versioned_write"));
        registrations.createIndex(new Index("pendingWork", Sort.Direction.ASC).unique().sparse().named("pending_work"));
        // Sparse: registrations stored before check-in codes existed get their key from CheckInKeyBackfill.
        registrations.createIndex(new Index("checkInKey", Sort.Direction.ASC).unique().sparse().named("check_in_key"));
        registrations.createIndex(new Index().on("eventCode", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC));
        return new IndexesReady();
    }

    /** Marker that the indexes exist; beans that write registrations can depend on it. */
    public static final class IndexesReady {
    }
}
