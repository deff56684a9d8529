package eu.efus.conference.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EmailSent;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Several relays on one outbox collection, as several instances of a service run them: every event is published
 * once, and a document leased by a relay that died is published by another one once the lease has run out, not
 * before.
 */
class OutboxRelayLeaseIT {

    private static MongoClient client;
    private static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri("outbox-lease"));
        mongo = new MongoTemplate(client, "outbox-lease");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void twoRelaysDrainingTheSameCollectionPublishEachEventOnce() throws Exception {
        String collection = "aggregates_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            List<CloudEvent> events = List.of(event(), event());
            events.forEach(e -> expected.add(e.id()));
            Document aggregate = new Document("_id", "agg-" + i).append("n", i);
            aggregate.putAll(Outbox.fieldsFor(events));
            mongo.getCollection(collection).insertOne(aggregate);
        }
        Map<String, Integer> published = new ConcurrentHashMap<>();
        EventPublisher counting = event -> published.merge(event.id(), 1, Integer::sum);
        OutboxRelay first = relay(collection, counting);
        OutboxRelay second = relay(collection, counting);

        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> a = both.submit(() -> {
                start.await();
                return first.relayOnce();
            });
            Future<Integer> b = both.submit(() -> {
                start.await();
                return second.relayOnce();
            });
            start.countDown();
            int total = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
            assertThat(total).isEqualTo(expected.size());
        } finally {
            both.shutdownNow();
        }
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(published.values()).as("publications per event").containsOnly(1);
        assertThat(mongo.getCollection(collection).countDocuments(new Document(Outbox.FLAG, true))).isZero();
    }

    @Test
    void aDocumentLeasedByARelayThatDiedIsPublishedByAnotherOnceTheLeaseRunsOut() throws Exception {
        String collection = "aggregates_" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent event = event();
        // What a relay leaves when it dies after claiming the document and before publishing: DUE moved 1.5 s ahead.
        long leaseEnd = System.currentTimeMillis() + 1_500;
        mongo.getCollection(collection).insertOne(new Document("_id", "agg-dead")
                .append(Outbox.EVENTS, Outbox.fieldsFor(List.of(event)).get(Outbox.EVENTS))
                .append(Outbox.FLAG, true).append(Outbox.DUE, Outbox.due(leaseEnd)));
        Map<String, Integer> published = new ConcurrentHashMap<>();
        OutboxRelay survivor = relay(collection, e -> published.merge(e.id(), 1, Integer::sum));

        assertThat(survivor.relayOnce()).as("while the dead relay's lease runs").isZero();
        assertThat(published).isEmpty();
        Thread.sleep(Math.max(0, leaseEnd - System.currentTimeMillis()) + 100);
        assertThat(survivor.relayOnce()).as("once it ran out").isEqualTo(1);
        assertThat(survivor.relayOnce()).as("and only once").isZero();
        assertThat(published).containsExactly(Map.entry(event.id(), 1));
    }

    private static OutboxRelay relay(String collection, EventPublisher publisher) {
        return new OutboxRelay(mongo, publisher, List.of(collection), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(5));
    }

    private static CloudEvent event() {
        String id = UUID.randomUUID().toString();
        return CloudEventCodec.create("/outbox-lease-test", EventTypes.EMAIL_SENT, id, new EmailSent(id, "cause-" + id,
                "CONFIRMATION", "en", "someone@example.org", "<" + id + "@example.org>", 1,
                OffsetDateTime.now(ZoneOffset.UTC)));
    }
}
