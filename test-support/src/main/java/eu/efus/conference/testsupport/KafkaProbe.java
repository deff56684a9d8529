package eu.efus.conference.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads and writes raw records on a topic, the way an outside consumer or producer would see them. */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String bootstrap;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    /**
     * The CloudEvent of each record seen, decoded once as it arrives (null for a record that is not one): tests share a
     * topic that grows to thousands of records, and decoding them all again on every poll made waiting cost O(n²).
     */
    private final List<CloudEvent> decoded = new ArrayList<>();

    /** Subscribes from the beginning of {@code topic} with a fresh consumer group. */
    public KafkaProbe(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
    }

    /** Polls once more and returns everything seen so far. */
    public synchronized List<ConsumerRecord<String, byte[]>> records() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
            seen.add(record);
            decoded.add(decode(record));
        }
        return List.copyOf(seen);
    }

    private static CloudEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            return CloudEventCodec.fromJson(new String(record.value(), StandardCharsets.UTF_8));
        } catch (RuntimeException notACloudEvent) {
            return null;
        }
    }

    /** The values seen so far, as UTF-8 text. */
    public List<String> values() {
        return records().stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    /** The CloudEvents seen so far whose subject (aggregate id) is {@code subject}, in topic order per partition. */
    public synchronized List<CloudEvent> events(String subject) {
        records();
        return decoded.stream().filter(e -> e != null && subject.equals(e.subject())).toList();
    }

    /** The first event of {@code type} about {@code subject}, waiting for it up to 20 s. */
    public CloudEvent awaitEvent(String subject, String type) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> events(subject).stream().filter(e -> e.type().equals(type)).findFirst(), Optional::isPresent).get();
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void send(String bootstrap, String topic, String key, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    public void send(String topic, String key, byte[] value) {
        send(bootstrap, topic, key, value);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
