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

    @Test
    void seatsUpToCapacityThenWaitingListInArrivalOrder() {
        assertThat(ledger.take(VISIT, 2, "a")).isEqualTo(Allocation.seat());
        assertThat(ledger.take(VISIT, 2, "b")).isEqualTo(Allocation.seat());
        assertThat(ledger.take(VISIT, 2, "c")).isEqualTo(Allocation.waiting(1));
        assertThat(ledger.take(VISIT, 2, "d")).isEqualTo(Allocation.waiting(2));
        assertThat(ledger.counts(VISIT)).isEqualTo(new SeatLedger.Counts(2, 2));
    }

    @Test
    void askingTwiceTakesNothingTwice() {
        ledger.take(VISIT, 1, "a");
        ledger.take(VISIT, 1, "b");
        assertThat(ledger.take(VISIT, 1, "a")).isEqualTo(Allocation.seat());
        assertThat(ledger.take(VISIT, 1, "b")).isEqualTo(Allocation.waiting(1));
        assertThat(ledger.counts(VISIT)).isEqualTo(new SeatLedger.Counts(1, 1));
    }

    @Test
    void unlimitedCapacityAlwaysSeatsAndZeroNeverDoes() {
        for (int i = 0; i < 30; i++) {
            assertThat(ledger.take(VISIT, null, "p" + i).confirmed()).isTrue();
        }
        SeatKey closed = SeatKey.session("SDC", "CLOSED");
        assertThat(ledger.take(closed, 0, "x")).isEqualTo(Allocation.waiting(1));
        assertThat(ledger.fillFreeSeats(closed, 0)).isEmpty();
    }

    @Test
    void releasingASeatPromotesTheFirstInLineOnly() {
        ledger.take(VISIT, 1, "a");
        ledger.take(VISIT, 1, "b");
        ledger.take(VISIT, 1, "c");
        ledger.release(VISIT, "a");
        assertThat(ledger.fillFreeSeats(VISIT, 1)).containsExactly("b");
        assertThat(ledger.current(VISIT, "b")).contains(Allocation.seat());
        assertThat(ledger.current(VISIT, "c")).contains(Allocation.waiting(1));
        assertThat(ledger.fillFreeSeats(VISIT, 1)).isEmpty();
    }

    @Test
    void leavingTheWaitingListMovesTheOthersUp() {
        ledger.take(VISIT, 1, "a");
        ledger.take(VISIT, 1, "b");
        ledger.take(VISIT, 1, "c");
        ledger.release(VISIT, "b");
        assertThat(ledger.current(VISIT, "c")).contains(Allocation.waiting(1));
        assertThat(ledger.current(VISIT, "b")).isEmpty();
        assertThat(ledger.counts(VISIT)).isEqualTo(new SeatLedger.Counts(1, 1));
    }

    @Test
    void raisedCapacityLetsWaitingPeopleIn() {
        ledger.take(VISIT, 1, "a");
        ledger.take(VISIT, 1, "b");
        ledger.take(VISIT, 1, "c");
        assertThat(ledger.fillFreeSeats(VISIT, 3)).containsExactly("b", "c");
    }

    @Test
    void aBurstForTheLastSeatsConfirmsExactlyCapacityAndQueuesTheRestWithoutGaps() throws Exception {
        int people = 80;
        int capacity = 20;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Allocation>> results = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String id = "r" + i;
            results.add(pool.submit(() -> {
                start.await();
                return ledger.take(VISIT, capacity, id);
            }));
        }
        start.countDown();
        List<Integer> positions = new ArrayList<>();
        int confirmed = 0;
        for (Future<Allocation> result : results) {
            Allocation allocation = result.get();
            if (allocation.confirmed()) {
                confirmed++;
            } else {
                positions.add(allocation.waitlistPosition());
            }
        }
        pool.shutdown();
        Collections.sort(positions);
        assertThat(confirmed).isEqualTo(capacity);
        assertThat(positions).hasSize(people - capacity);
        assertThat(positions.get(0)).isEqualTo(1);
        assertThat(positions.get(positions.size() - 1)).isEqualTo(people - capacity);
        assertThat(positions).doesNotHaveDuplicates();
        assertThat(ledger.holders(VISIT)).hasSize(capacity);
        assertThat(ledger.counts(VISIT)).isEqualTo(new SeatLedger.Counts(capacity, people - capacity));
    }
}
