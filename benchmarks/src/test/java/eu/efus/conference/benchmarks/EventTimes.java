package eu.efus.conference.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When registration-service's outbox relay published the events of given registrations: the Kafka record timestamp
 * (CreateTime, set by the relay's producer when it sends) of the first record on {@code registration.events} that names
 * each registration. Reads from the partitions' offsets at a given time, without a consumer group (nothing is committed).
 */
final class EventTimes {

    static final String TOPIC = "registration.events";

    private EventTimes() {
    }

    /** Registration id to publication time (epoch milliseconds), for the ids found within {@code limit}. */
    static Map<String, Long> published(String bootstrap, Set<String> registrationIds, long fromEpochMillis, Duration limit) {
        Map<String, Long> found = new HashMap<>();
        if (registrationIds.isEmpty()) {
            return found;
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "email-benchmark-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(15)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> Math.max(0, fromEpochMillis))));
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = start.get(tp);
                consumer.seek(tp, at == null ? end.get(tp) : at.offset());
            }
            Set<String> wanted = new HashSet<>(registrationIds);
            long deadline = System.nanoTime() + limit.toNanos();
            while (!wanted.isEmpty() && System.nanoTime() < deadline && !reachedEnd(consumer, partitions, end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String value = record.value();
                    if (value == null) {
                        continue;
                    }
                    for (var it = wanted.iterator(); it.hasNext(); ) {
                        String id = it.next();
                        if (value.contains("\"" + id + "\"")) {
                            found.put(id, record.timestamp());
                            it.remove();
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // No broker, no topic: the caller reports the stages it has.
        }
        return found;
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }
}
