package eu.efus.conference.registration.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The seat rules on the MongoDB wire protocol: exact capacity, arrival order, promotion, idempotency. */
class SeatLedgerTest {

    private static MongoServer server;
    private static MongoClient client;
    private SeatLedger ledger;
    private MongoTemplate mongo;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://localhost:" + address.getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdown();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "seats-" + System.nanoTime());
        ledger = new SeatLedger(mongo);
    }

    private static final SeatKey VISIT = SeatKey.session("SDC", "FV-CRISIS-CENTRE");
    private static final SeatKey PLENARY = SeatKey.session("SDC", "PL-OPENING");

    @BeforeEach
    void pools() {
        ledger.ensure(VISIT);
        ledger.ensure(PLENARY);
    }

    @Test
    void seatsUpToCapacityThenTicketsInArrivalOrderWithExactPositions() {
        assertThat(ledger.take(VISIT, 2, "a")).contains(Grant.ofSeat());
        assertThat(ledger.take(VISIT, 2, "b")).contains(Grant.ofSeat());
        Grant c = ledger.take(VISIT, 2, "c").orElseThrow();
        Grant d = ledger.take(VISIT, 2, "d").orElseThrow();
        assertThat(c.seat()).isFalse();
        assertThat(d.ticket()).isGreaterThan(c.ticket());
        assertThat(ledger.position(VISIT, c.ticket())).contains(1);
        assertThat(ledger.position(VISIT, d.ticket())).contains(2);
        assertThat(ledger.counts(VISIT)).isEqualTo(new SeatLedger.Counts(2, 2));
        assertThat(ledger.head(VISIT, 10)).extracting(SeatLedger.Waiting::registrationId).containsExactly("c", "d");
    }

    @Test
    void unlimitedPoolsNeverWaitlist() {
        for (int i = 0; i < 500; i++) {
            assertThat(ledger.take(PLENARY, null, "p" + i)).contains(Grant.ofSeat());
        }
        assertThat(ledger.counts(PLENARY)).isEqualTo(new SeatLedger.Counts(500, 0));
    }

    @Test
    void askingTwiceGivesNothingTwiceAndTheJournalTellsWhatWasGiven() {
        assertThat(ledger.take(VISIT, 1, "a")).contains(Grant.ofSeat());
        assertThat(ledger.take(VISIT, 1, "a")).isEmpty();
        assertThat(ledger.journaled(VISIT, "a")).contains(Grant.ofSeat());
        Grant waiting = ledger.take(VISIT, 1, "b").orElseThrow();
        assertThat(ledger.take(VISIT, 1, "b")).isEmpty();
        assertThat(ledger.journaled(VISIT, "b")).as("a repeat answers the place first given").contains(waiting);
        assertThat(waiting.position()).isEqualTo(1);
        assertThat(ledger.counts(VISIT)).isEqualTo(new SeatLedger.Counts(1, 1));
        ledger.settle(VISIT, List.of("a:a", "a:b"));
        assertThat(ledger.journaled(VISIT, "a")).isEmpty();
    }

    @Test
    void aReleaseIsJournaledSoARepeatFreesNothingMore() {
        ledger.take(VISIT, 2, "a");
        ledger.take(VISIT, 2, "b");
        ledger.releaseSeat(VISIT, "r", "a");
        ledger.releaseSeat(VISIT, "r", "a");
        assertThat(ledger.counts(VISIT).taken()).isEqualTo(1);
    }

    @Test
    void leavingTheLineCountsOnceAndMovesThoseBehindUp() {
        ledger.take(VISIT, 1, "a");
        Grant b = ledger.take(VISIT, 1, "b").orElseThrow();
        Grant c = ledger.take(VISIT, 1, "c").orElseThrow();
        assertThat(c.position()).isEqualTo(2);
        ledger.leave(VISIT, b.ticket(), "b");
        ledger.leave(VISIT, b.ticket(), "b");
        assertThat(ledger.counts(VISIT)).isEqualTo(new SeatLedger.Counts(1, 1));
        assertThat(ledger.position(VISIT, c.ticket())).contains(1);
        assertThat(ledger.head(VISIT, 5)).extracting(SeatLedger.Waiting::registrationId).containsExactly("c");
    }

    @Test
    void promotionTakesAFreeSeatOnlyAndOnlyOncePerPerson() {
        ledger.take(VISIT, 1, "a");
        Grant b = ledger.take(VISIT, 1, "b").orElseThrow();
        assertThat(ledger.grantToWaiting(VISIT, 1, "b")).isFalse(); // full
        ledger.releaseSeat(VISIT, "r", "a");
        assertThat(ledger.grantToWaiting(VISIT, 1, "b")).isTrue();
        assertThat(ledger.grantToWaiting(VISIT, 2, "b")).isFalse(); // journaled: not twice
        ledger.removeTicket(VISIT, b.ticket());
        ledger.removeTicket(VISIT, b.ticket());
        assertThat(ledger.counts(VISIT)).isEqualTo(new SeatLedger.Counts(1, 0));
        assertThat(ledger.position(VISIT, b.ticket())).isEmpty();
    }

    @Test
    void aBurstForTheLastSeatsConfirmsExactlyTheCapacity() throws Exception {
        int people = 80;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Grant>> results = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String id = "r" + i;
            results.add(pool.submit(() -> {
                start.await();
                return ledger.take(VISIT, 20, id).orElseThrow();
            }));
        }
        start.countDown();
        List<Long> tickets = new ArrayList<>();
        List<Integer> positionsWhenGiven = new ArrayList<>();
        int seats = 0;
        for (Future<Grant> f : results) {
            Grant g = f.get();
            if (g.seat()) {
                seats++;
            } else {
                tickets.add(g.ticket());
                positionsWhenGiven.add(g.position());
            }
        }
        pool.shutdown();
        assertThat(seats).isEqualTo(20);
        assertThat(tickets).doesNotHaveDuplicates().hasSize(60);
        assertThat(positionsWhenGiven).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 60).boxed().toList());
        assertThat(ledger.counts(VISIT)).isEqualTo(new SeatLedger.Counts(20, 60));
        Collections.sort(tickets);
        for (int i = 0; i < tickets.size(); i++) {
            assertThat(ledger.position(VISIT, tickets.get(i))).contains(i + 1);
        }
    }

    @Test
    void thePoolDocumentDoesNotGrowWithItsHolders() {
        for (int i = 0; i < 10; i++) {
            ledger.take(VISIT, null, "early" + i);
        }
        ledger.settle(VISIT, java.util.stream.IntStream.range(0, 10).mapToObj(i -> "a:early" + i).toList());
        int small = poolSize(VISIT);
        for (int i = 0; i < 5_000; i++) {
            ledger.take(VISIT, null, "late" + i);
            ledger.settle(VISIT, List.of("a:late" + i));
        }
        assertThat(ledger.counts(VISIT).taken()).isEqualTo(5_010);
        assertThat(poolSize(VISIT)).isLessThanOrEqualTo(small + 8); // a wider counter, nothing per holder
    }

    private int poolSize(SeatKey key) {
        Document pool = mongo.getCollection(SeatLedger.POOLS).find(new Document("_id", key.id())).first();
        return pool.toJson().length();
    }
}
