package eu.efus.conference.kit.outbox;

import eu.efus.conference.contracts.CloudEvent;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Publishes through Spring Cloud Stream: the structured CloudEvents JSON as the record value, the aggregate id as the
 * Kafka key. Producers are synchronous (see the kit's defaults) so a return means acks=all was reached.
 */
public class StreamBridgeEventPublisher implements EventPublisher {

    private final StreamBridge bridge;

    public StreamBridgeEventPublisher(StreamBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void publish(PendingEvent event) {
        Message<byte[]> message = MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.key() == null ? null : event.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, CloudEvent.CONTENT_TYPE)
                .build();
        if (!bridge.send(event.topic(), message)) {
            throw new IllegalStateException("The binder refused event " + event.id());
        }
    }
}
