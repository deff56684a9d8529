package eu.efus.conference.kit.consumer;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * A Spring Cloud Stream consumer of structured CloudEvents: decodes, skips already-handled ids, dispatches by type.
 * Types it does not know are skipped (other consumers may want them); unreadable records throw, so the binder retries
 * a bounded number of times and then parks them in the dead-letter topic.
 */
public class CloudEventHandlers implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(CloudEventHandlers.class);

    private final IdempotentConsumer idempotent;
    private final Map<String, Consumer<CloudEvent>> handlers = new HashMap<>();

    public CloudEventHandlers(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    /** Registers the handler of one type with the record its data is read into. */
    public <T> CloudEventHandlers on(String type, Class<T> dataType, EventHandler<T> handler) {
        handlers.put(type, event -> handler.handle(event, event.dataAs(dataType)));
        return this;
    }

    @Override
    public void accept(Message<byte[]> message) {
        CloudEvent event = CloudEventCodec.fromBytes(message.getPayload());
        Consumer<CloudEvent> handler = handlers.get(event.type());
        if (handler == null) {
            log.debug("Event {} of type {} is not for this service", event.id(), event.type());
            return;
        }
        idempotent.handle(event, () -> handler.accept(event));
    }

    /** What a service does with one event and its data. */
    @FunctionalInterface
    public interface EventHandler<T> {
        void handle(CloudEvent event, T data);
    }
}
