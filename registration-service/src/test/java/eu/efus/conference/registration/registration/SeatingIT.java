package eu.efus.conference.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Participant;
import eu.efus.conference.contracts.RegistrationConfirmed;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.kit.identity.Ids;
import eu.efus.conference.registration.capacity.JournalSettler;
import eu.efus.conference.registration.capacity.SeatKey;
import eu.efus.conference.registration.capacity.SeatLedger;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import eu.efus.conference.registration.catalog.EventInput;
import eu.efus.conference.registration.catalog.EventKind;
import eu.efus.conference.registration.catalog.SessionKind;
import eu.efus.conference.registration.checkin.CheckInCodes;
import eu.efus.conference.registration.checkin.CheckInDesk;
import eu.efus.conference.testsupport.KafkaProbe;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The seat rules end to end inside the service: unlimited pools, round trips per registration, promotion in a large
 * pool, and work interrupted at each step finished exactly once by the reconciliation.
 */
@SpringBootTest
class SeatingIT {

    /** MongoDB commands by the thread that sent them: what one request costs, apart from background work. */
    static final List<String[]> COMMANDS = Collections.synchronizedList(new ArrayList<>());

    @TestConfiguration
    static class CountCommands {
        @Bean
        MongoClientSettingsBuilderCustomizer commandCounter() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    COMMANDS.add(new String[] {Thread.currentThread().getName(), event.getCommandName()});
                }
            });
        }
    }

    static KafkaProbe probe;

    @Autowired RegistrationService service;
    @Autowired Registrations registrations;
    @Autowired Seating seating;
    @Autowired SeatLedger seats;
    @Autowired JournalSettler settler;
    @Autowired EventCatalog catalog;
    @Autowired MongoTemplate mongo;
    @Autowired Clock clock;
    @Autowired CheckInCodes checkInCodes;
    @Autowired CheckInDesk desk;
    @Autowired @Qualifier("seatingExecutor") Executor seatingExecutor;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().register(registry, "registration-seating");
        // The periodic pass stays out of the way: the tests run it themselves.
        registry.add("conference.reconciliation.interval", () -> "1h");
    }

    @BeforeAll
    static void listen() {
        probe = new KafkaProbe(TestInfrastructure.get().kafkaBootstrap(), Topics.REGISTRATION_EVENTS);
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    /**
     * The commands {@code thread} sent since the last clear. Read under the list's lock: background work (the outbox
     * relay, the check-in key backfill, the seating line) adds commands from other threads meanwhile.
     */
    private static List<String> commandsOf(String thread) {
        synchronized (COMMANDS) {
            return COMMANDS.stream().filter(c -> c[0].equals(thread)).map(c -> c[1]).toList();
        }
    }

    @Test
    void unlimitedSessionsAndEventsNeverWaitlist() {
        ConferenceEvent event = event(null, null, 2, 1, null);
        for (int i = 0; i < 5; i++) {
            Registration r = service.register(event.code(), request("u" + i, "PL", "WS", "WEB"), null).registration();
            assertThat(r.status()).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(r.outcome().waitlistPosition()).isNull();
            assertThat(r.session("PL").orElseThrow().status()).isEqualTo(SessionStatus.CONFIRMED);
            assertThat(r.session("WEB").orElseThrow().status()).isEqualTo(SessionStatus.CONFIRMED);
            assertThat(r.session("WS").orElseThrow().status())
                    .isEqualTo(i < 2 ? SessionStatus.CONFIRMED : SessionStatus.WAITLISTED);
        }
        Registration visitor = service.register(event.code(), request("v", "FV"), null).registration();
        Registration late = service.register(event.code(), request("w", "FV"), null).registration();
        assertThat(visitor.session("FV").orElseThrow().status()).isEqualTo(SessionStatus.CONFIRMED);
        assertThat(late.session("FV").orElseThrow().status()).isEqualTo(SessionStatus.WAITLISTED);
        assertThat(seats.counts(SeatKey.session(event.code(), "PL"))).isEqualTo(new SeatLedger.Counts(5, 0));
        assertThat(seats.counts(SeatKey.session(event.code(), "WEB"))).isEqualTo(new SeatLedger.Counts(5, 0));
        assertThat(seats.counts(SeatKey.event(event.code()))).isEqualTo(new SeatLedger.Counts(7, 0));

        // The reconciliation finds nobody to promote in an unlimited line: no registration changes.
        List<Long> versions = versionsOf(event.code());
        reconciliation().runOnce();
        assertThat(versionsOf(event.code())).isEqualTo(versions);
    }

    @Test
    void aRegistrationWithTwoSessionsCostsAtMostFiveRoundTripsInsideTheRequest() {
        ConferenceEvent event = event(1000, null, 100, 100, null);
        service.register(event.code(), request("warm", "PL", "WS"), "warm-" + UUID.randomUUID()).registration();
        String thread = Thread.currentThread().getName();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            COMMANDS.clear();
            Registration r = service.register(event.code(), request("rt" + i, "PL", "WS"), "key-" + UUID.randomUUID())
                    .registration();
            assertThat(r.status()).isEqualTo(RegistrationStatus.CONFIRMED);
            List<String> mine = commandsOf(thread);
            counts.add(mine.size());
            assertThat(mine).as("commands of one registration: %s", mine).hasSizeLessThanOrEqualTo(5);
        }
        System.out.println("MongoDB round trips inside one registration with two sessions: " + counts);
    }

    @Test
    void aCheckInIsOneIndexedReadAndOneGuardedWriteAndAScanAgainOnlyTheRead() {
        ConferenceEvent event = event(1000, null, 100, 100, null);
        Registration r = service.register(event.code(), request("desk", "FV"), null).registration();
        String code = checkInCodes.codeFor(r.id());
        String thread = Thread.currentThread().getName();
        List<List<String>> scans = new ArrayList<>();
        for (String session : new String[] {null, null, "FV", "FV"}) {
            COMMANDS.clear();
            desk.admit(code, session, null, "desk-1");
            scans.add(commandsOf(thread));
        }
        assertThat(scans).containsExactly(List.of("find", "update"), List.of("find"), List.of("find", "update"),
                List.of("find"));
        System.out.println("MongoDB commands of a check-in, a repeated one, a boarding, a repeated boarding: " + scans);
    }

    @Test
    void cancellationPromotesTheFirstInLineInAPoolOfTenThousandHolders() {
        ConferenceEvent event = event(null, null, 10_000, 1, null);
        SeatKey workshop = SeatKey.session(event.code(), "WS");
        // 9,998 seats already held by others: the pool is a counter, so this is what they amount to.
        mongo.getCollection("seat_pools").updateOne(new Document("_id", workshop.id()),
                new Document("$set", new Document("taken", 9_998)));
        Registration a = service.register(event.code(), request("big-a", "WS"), null).registration();
        Registration b = service.register(event.code(), request("big-b", "WS"), null).registration();
        Registration c = service.register(event.code(), request("big-c", "WS"), null).registration();
        Registration d = service.register(event.code(), request("big-d", "WS"), null).registration();
        assertThat(a.session("WS").orElseThrow().status()).isEqualTo(SessionStatus.CONFIRMED);
        assertThat(b.session("WS").orElseThrow().status()).isEqualTo(SessionStatus.CONFIRMED);
        assertThat(c.outcome().sessions().get(0).waitlistPosition()).isEqualTo(1);
        assertThat(d.outcome().sessions().get(0).waitlistPosition()).isEqualTo(2);

        service.cancel(a.id(), tokenOf(confirmedLink(a.id())));

        Registration promoted = registrations.find(c.id()).orElseThrow();
        assertThat(promoted.session("WS").orElseThrow().status()).isEqualTo(SessionStatus.CONFIRMED);
        assertThat(registrations.find(d.id()).orElseThrow().session("WS").orElseThrow().status())
                .isEqualTo(SessionStatus.WAITLISTED);
        assertThat(seating.currentPositions(registrations.find(d.id()).orElseThrow())).containsEntry("WS", 1);
        assertThat(seats.counts(workshop)).isEqualTo(new SeatLedger.Counts(10_000, 1));
        awaitFact(c.id(), EventTypes.REGISTRATION_PROMOTED);
    }

    /**
     * A registration stopped after each of its steps (inserted; event seat taken; first session seat; second; outcome
     * written but the journal not yet settled) is finished by the reconciliation: one outcome, one confirmation, each
     * seat counted once.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void anAllocationInterruptedAfterEachStepFinishesExactlyOnce(int stepsDone) {
        ConferenceEvent event = event(100, null, 10, 10, null);
        String id = Ids.random();
        Registration started = Registration.start(id, event.code(), "crash" + stepsDone + "@example.org", null,
                "hash", participant("crash" + stepsDone + "@example.org"), "en", null, null, false, List.of("PL", "WS"),
                checkInCodes.keyFor(id), clock.instant(), clock.instant().minusSeconds(1));
        registrations.insert(started, null);
        if (stepsDone == 4) {
            seating.allocate(started, event);
        } else {
            if (stepsDone >= 1) {
                seats.take(SeatKey.event(event.code()), event.capacity(), started.id());
            }
            if (stepsDone >= 2) {
                seats.take(SeatKey.session(event.code(), "PL"), null, started.id());
            }
            if (stepsDone >= 3) {
                seats.take(SeatKey.session(event.code(), "WS"), 10, started.id());
            }
        }

        reconciliation().runOnce();
        reconciliation().runOnce(); // a second pass finds nothing left to do
        settler.flush();

        Registration finished = registrations.find(started.id()).orElseThrow();
        assertThat(finished.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(finished.version()).isEqualTo(1);
        assertThat(finished.pendingWork()).isNull();
        assertThat(seats.counts(SeatKey.event(event.code())).taken()).isEqualTo(1);
        assertThat(seats.counts(SeatKey.session(event.code(), "PL")).taken()).isEqualTo(1);
        assertThat(seats.counts(SeatKey.session(event.code(), "WS")).taken()).isEqualTo(1);
        assertThat(journal(SeatKey.event(event.code()))).isEmpty();
        assertThat(journal(SeatKey.session(event.code(), "WS"))).isEmpty();
        assertThat(factsAfterMarker(finished, EventTypes.REGISTRATION_CONFIRMED)).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyAfterAnInterruptedAttemptFinishesThatRegistrationInsteadOfRefusing() {
        ConferenceEvent event = event(100, null, 10, 10, null);
        RegistrationRequest request = request("retry", "PL", "WS");
        String key = "retry-" + UUID.randomUUID();
        String email = request.email().toLowerCase(java.util.Locale.ROOT);
        // The first attempt got as far as the event seat and the plenary seat, then its process died.
        String id = Ids.random();
        Registration started = Registration.start(id, event.code(), email, event.code() + "|" + key,
                RegistrationService.hash(request), participant(email), "en", null, null, false, List.of("PL", "WS"),
                checkInCodes.keyFor(id), clock.instant(), clock.instant().plusSeconds(600));
        registrations.insert(started, null);
        seats.take(SeatKey.event(event.code()), event.capacity(), started.id());
        seats.take(SeatKey.session(event.code(), "PL"), null, started.id());

        RegistrationService.Registered retried = service.register(event.code(), request, key);
        RegistrationService.Registered again = service.register(event.code(), request, key);

        assertThat(retried.replayed()).isTrue();
        assertThat(retried.registration().id()).isEqualTo(started.id());
        assertThat(retried.registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(again.registration().outcome()).isEqualTo(retried.registration().outcome());
        assertThat(registrations.find(started.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(seats.counts(SeatKey.event(event.code())).taken()).isEqualTo(1);
        assertThat(seats.counts(SeatKey.session(event.code(), "PL")).taken()).isEqualTo(1);
        assertThat(seats.counts(SeatKey.session(event.code(), "WS")).taken()).isEqualTo(1);
        assertThat(factsAfterMarker(retried.registration(), EventTypes.REGISTRATION_CONFIRMED)).isEqualTo(1);
    }

    @Test
    void aCancellationInterruptedBeforeItsSeatsWereFreedIsFinishedOnceAndPromotes() {
        ConferenceEvent event = event(100, null, 1, null, null);
        Registration holder = service.register(event.code(), request("holder", "WS"), null).registration();
        Registration waiting = service.register(event.code(), request("waiting", "WS"), null).registration();
        // The cancellation is written, then the process stops before freeing anything.
        Registration.Change change = holder.cancel(event, clock.instant(), clock.instant().minusSeconds(1));
        registrations.save(holder, change).orElseThrow();

        reconciliation().runOnce();
        reconciliation().runOnce();
        settler.flush();

        assertThat(registrations.find(holder.id()).orElseThrow().pendingWork()).isNull();
        assertThat(seats.counts(SeatKey.session(event.code(), "WS"))).isEqualTo(new SeatLedger.Counts(1, 0));
        assertThat(seats.counts(SeatKey.event(event.code())).taken()).isEqualTo(1);
        Registration promoted = registrations.find(waiting.id()).orElseThrow();
        assertThat(promoted.session("WS").orElseThrow().status()).isEqualTo(SessionStatus.CONFIRMED);
        assertThat(promoted.version()).isEqualTo(2);
    }

    @Test
    void aPromotionInterruptedAfterTheSeatWasGrantedIsRecordedOnce() {
        ConferenceEvent event = event(100, null, 1, null, null);
        SeatKey workshop = SeatKey.session(event.code(), "WS");
        Registration holder = service.register(event.code(), request("p-holder", "WS"), null).registration();
        Registration waiting = service.register(event.code(), request("p-waiting", "WS"), null).registration();
        // Joining the line ends with a background look for free seats: let it finish before a seat frees up, so
        // that the grant below is the only promotion.
        CompletableFuture.runAsync(() -> { }, seatingExecutor).join();
        seats.releaseSeat(workshop, "r", holder.id()); // a seat frees up...
        assertThat(seats.grantToWaiting(workshop, 1, waiting.id())).isTrue(); // ...is granted, then the process stops
        backdateJournal(workshop);

        reconciliation().runOnce();
        reconciliation().runOnce();
        settler.flush();

        Registration promoted = registrations.find(waiting.id()).orElseThrow();
        assertThat(promoted.session("WS").orElseThrow().status()).isEqualTo(SessionStatus.CONFIRMED);
        assertThat(promoted.version()).isEqualTo(2);
        assertThat(seats.counts(workshop)).isEqualTo(new SeatLedger.Counts(1, 0));
        assertThat(seats.head(workshop, 5)).isEmpty();
        assertThat(factsAfterMarker(promoted, EventTypes.REGISTRATION_PROMOTED)).isEqualTo(1);
    }

    @Test
    void oneInstanceAtATimeHoldsTheReconciliationLeaseAndAnotherTakesItOverOnceItsHolderStopsRenewing() throws Exception {
        String name = "reconciliation-" + UUID.randomUUID();
        ReconciliationLease first = new ReconciliationLease(mongo, name, "first");
        ReconciliationLease second = new ReconciliationLease(mongo, name, "second");
        Instant t = Instant.parse("2026-05-14T09:00:00Z");
        Duration lease = Duration.ofMinutes(2);
        assertThat(first.tryTake(t, lease)).isTrue();
        assertThat(second.tryTake(t.plusSeconds(1), lease)).isFalse();
        assertThat(first.tryTake(t.plusSeconds(60), lease)).as("the holder renews").isTrue();
        assertThat(second.tryTake(t.plusSeconds(179), lease)).as("renewed until t+180 s").isFalse();
        // The first holder died after its renewal at t+60 s: the lease is free from t+180 s.
        assertThat(second.tryTake(t.plusSeconds(180), lease)).isTrue();
        assertThat(first.tryTake(t.plusSeconds(181), lease)).as("taken over").isFalse();
        second.release();
        assertThat(first.tryTake(t.plusSeconds(182), lease)).as("released at shutdown").isTrue();

        // Eight instances asking at the same instant for a fresh lease: exactly one gets it.
        String fresh = "reconciliation-" + UUID.randomUUID();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ReconciliationLease candidate = new ReconciliationLease(mongo, fresh, "instance-" + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return candidate.tryTake(t, lease);
                }));
            }
            start.countDown();
            int winners = 0;
            for (var answer : answers) {
                winners += answer.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers ---

    private Reconciliation reconciliation() {
        return new Reconciliation(registrations, seating, seats, catalog, clock, Duration.ZERO,
                new ReconciliationLease(mongo, "reconciliation-test-" + UUID.randomUUID(), "test"),
                Duration.ofMinutes(1));
    }

    /** Counts the facts of one type for a registration, after cancelling it: its cancellation comes after them. */
    private long factsAfterMarker(Registration r, String type) {
        Registration current = registrations.find(r.id()).orElseThrow();
        registrations.save(current, current.cancel(catalog.require(r.eventCode()), clock.instant(),
                clock.instant().plusSeconds(600))).orElseThrow();
        awaitFact(r.id(), EventTypes.REGISTRATION_CANCELLED);
        return facts(r.id()).stream().filter(e -> e.type().equals(type)).count();
    }

    private List<CloudEvent> facts(String id) {
        return probe.events(id);
    }

    private CloudEvent awaitFact(String id, String type) {
        return probe.awaitEvent(id, type);
    }

    private String confirmedLink(String id) {
        CloudEvent confirmed = awaitFact(id, EventTypes.REGISTRATION_CONFIRMED);
        return ((RegistrationConfirmed) CloudEventCodec.data(confirmed)).manageUrl();
    }

    private static String tokenOf(String manageUrl) {
        return manageUrl.substring(manageUrl.indexOf("token=") + 6);
    }

    private List<Document> journal(SeatKey key) {
        return mongo.getCollection("seat_pools").find(new Document("_id", key.id())).first()
                .getList("journal", Document.class);
    }

    private void backdateJournal(SeatKey key) {
        List<Document> entries = journal(key);
        entries.forEach(e -> e.put("at", java.util.Date.from(Instant.now().minusSeconds(120))));
        mongo.getCollection("seat_pools").updateOne(new Document("_id", key.id()),
                new Document("$set", new Document("journal", entries)));
    }

    private List<Long> versionsOf(String eventCode) {
        return mongo.getCollection("registrations").find(new Document("eventCode", eventCode))
                .sort(new Document("createdAt", 1)).map(d -> d.get("version", Number.class).longValue()).into(new ArrayList<>());
    }

    private static Participant participant(String email) {
        return new Participant("Ana", "Example", email, "City of Lisbon", "PT", "LOCAL_AUTHORITY");
    }

    private static RegistrationRequest request(String name, String... sessions) {
        return new RegistrationRequest("Ana", "Example", name + "-" + UUID.randomUUID().toString().substring(0, 6)
                + "@example.org", "City of Lisbon", "PT", "LOCAL_AUTHORITY", "en", List.of(sessions), null, null,
                new RegistrationRequest.Consents(true, false));
    }

    /**
     * An event with a plenary (PL), a workshop (WS), a field visit (FV) and a webinar (WEB) at separate times; each
     * capacity may be null (unlimited).
     */
    private ConferenceEvent event(Integer capacity, Integer plenary, Integer workshop, Integer visit, Integer webinar) {
        OffsetDateTime start = OffsetDateTime.now().plusMonths(2).withNano(0);
        String code = "SEAT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        EventInput.Title title = new EventInput.Title("Test", "Test");
        List<EventInput.SessionInput> sessions = List.of(
                new EventInput.SessionInput("PL", SessionKind.PLENARY, title, start, start.plusHours(1), "en", plenary),
                new EventInput.SessionInput("WS", SessionKind.WORKSHOP, title, start.plusHours(2), start.plusHours(3), "en",
                        workshop),
                new EventInput.SessionInput("FV", SessionKind.FIELD_VISIT, title, start.plusHours(4), start.plusHours(5),
                        "fr", visit),
                new EventInput.SessionInput("WEB", SessionKind.WEBINAR, title, start.plusHours(6), start.plusHours(7), "fr",
                        webinar));
        return catalog.create(new EventInput(code, EventKind.CONFERENCE, title, null, "Brussels", "BE", start,
                start.plusDays(1), "Europe/Brussels", List.of("fr", "en"), capacity, null, null, null, sessions));
    }
}
