package eu.efus.conference.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * The floor under any registration: per operation one conditional counter update, one insert and one acknowledged
 * Kafka send, against the stack's own MongoDB and Kafka, so the registration figures have something to be compared
 * with that was measured under the same conditions.
 */
final class BareLimit {

    static final String DATABASE = "benchmark";
    static final String TOPIC = "benchmark.bare-limit";

    private BareLimit() {
    }

    static PhaseStats run(BenchConfig config) throws Exception {
        PhaseStats stats = new PhaseStats("bare limit", config.bareThreads() + " threads");
        try (MongoClient mongo = MongoClients.create(config.mongoUri());
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(config))) {
            // Three partitions, like the topics the services get from the broker's default.
            createTopic(config);
            // A separate database, so the services' data stays untouched; dropped first so every run starts equal.
            var db = mongo.getDatabase(DATABASE);
            db.drop();
            MongoCollection<Document> counters = db.getCollection("counters");
            MongoCollection<Document> records = db.getCollection("records");
            counters.insertOne(new Document("_id", "seats").append("n", 0L));

            long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.bareWarmupSeconds());
            long end = warmupEnd + TimeUnit.SECONDS.toNanos(config.bareSeconds());
            CountDownLatch done = new CountDownLatch(config.bareThreads());
            Throwable[] failure = new Throwable[1];
            for (int t = 0; t < config.bareThreads(); t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    try {
                        long seq = 0;
                        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                            long start = now;
                            boolean ok = operation(counters, records, producer, thread, seq++);
                            long finish = System.nanoTime();
                            // Only operations that start inside the window count, so the window's figure is not
                            // inflated by the warm-up's tail.
                            if (start >= warmupEnd) {
                                stats.record(ok, ok ? null : "counter condition failed", finish - start);
                            }
                        }
                    } catch (Throwable e) {
                        synchronized (failure) {
                            failure[0] = e;
                        }
                    } finally {
                        done.countDown();
                    }
                }, "bare-limit-" + t);
                worker.setDaemon(true);
                worker.start();
            }
            long untilWindow = warmupEnd - System.nanoTime();
            if (untilWindow > 0) {
                TimeUnit.NANOSECONDS.sleep(untilWindow);
            }
            stats.begin();
            done.await();
            stats.end();
            if (failure[0] != null) {
                throw new IllegalStateException("bare limit: an operation failed", failure[0]);
            }
            db.drop();
        }
        return stats;
    }

    private static boolean operation(MongoCollection<Document> counters, MongoCollection<Document> records,
            KafkaProducer<String, String> producer, int thread, long seq) throws ExecutionException, InterruptedException {
        // Like taking a seat: succeeds only while the pool is below its bound (here never reached).
        Document counter = counters.findOneAndUpdate(
                Filters.and(Filters.eq("_id", "seats"), Filters.lt("n", Long.MAX_VALUE)), Updates.inc("n", 1L));
        String id = thread + "-" + seq;
        records.insertOne(new Document("_id", id).append("thread", thread).append("seq", seq)
                .append("at", Instant.now().toString()).append("email", "bench-" + id + "@example.org"));
        producer.send(new ProducerRecord<>(TOPIC, id, "{\"id\":\"" + id + "\",\"type\":\"bench\"}")).get();
        return counter != null;
    }

    private static Properties producerProperties(BenchConfig config) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        // The outbox relay's settings: every send acknowledged by all in-sync replicas, idempotent.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    private static void createTopic(BenchConfig config) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
