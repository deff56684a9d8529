package eu.efus.conference.kit.consumer;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.kit.tracing.ContinuedTrace;
import eu.efus.conference.kit.tracing.TraceHeaders;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.messaging.Message;

/**
 * A Spring Cloud Stream consumer of structured CloudEvents: decodes, skips already-handled ids, dispatches by type.
 * Types it does not know are skipped (other consumers may want them); unreadable records throw, so the binder retries
 * a bounded number of times and then parks them in the dead-letter topic.
 *
 * <p>Each handled event is one observation ({@value #OBSERVATION}, tagged with the event type and the outcome) that
 * continues the trace the event carries in its {@code traceparent}: the handler's logs and the events it appends to the
 * outbox belong to the trace of the request that caused the event. One INFO line per handled event says its type, id
 * and outcome. As a bean it finds the service's {@link ObservationRegistry} itself; built by hand it observes nothing
 * unless given one.
 */
public class CloudEventHandlers implements Consumer<Message<byte[]>>, BeanFactoryAware {

    /** Name of the observation (timer {@code conference.event.consume}, span "consume &lt;type&gt;"). */
    public static final String OBSERVATION = "conference.event.consume";
    private static final Logger log = LoggerFactory.getLogger(CloudEventHandlers.class);

    private final IdempotentConsumer idempotent;
    private final Map<String, Consumer<CloudEvent>> handlers = new HashMap<>();
    private ObservationRegistry observations = ObservationRegistry.NOOP;

    public CloudEventHandlers(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    /** Registers the handler of one type with the record its data is read into. */
    public <T> CloudEventHandlers on(String type, Class<T> dataType, EventHandler<T> handler) {
        handlers.put(type, event -> handler.handle(event, event.dataAs(dataType)));
        return this;
    }

    /** Observes (traces, times) every handled event in {@code registry}. */
    public CloudEventHandlers observedBy(ObservationRegistry registry) {
        this.observations = registry == null ? ObservationRegistry.NOOP : registry;
        return this;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        if (observations.isNoop()) {
            observedBy(beanFactory.getBeanProvider(ObservationRegistry.class).getIfAvailable(() -> ObservationRegistry.NOOP));
        }
    }

    @Override
    public void accept(Message<byte[]> message) {
        CloudEvent event = CloudEventCodec.fromBytes(message.getPayload());
        Consumer<CloudEvent> handler = handlers.get(event.type());
        if (handler == null) {
            log.debug("Event {} of type {} is not for this service", event.id(), event.type());
            return;
        }
        Observation observation = ContinuedTrace.observation(OBSERVATION, TraceHeaders.of(event), observations)
                .contextualName("consume " + event.type())
                .lowCardinalityKeyValue("event.type", event.type())
                .start();
        long start = System.nanoTime();
        String outcome = "failed";
        try (Observation.Scope scope = observation.openScope()) {
            try {
                outcome = idempotent.handle(event, () -> handler.accept(event)) ? "handled" : "duplicate";
            } catch (RuntimeException e) {
                observation.error(e);
                // The class only: a message can quote stored values (a duplicate key names the address).
                outcome = "failed (" + e.getClass().getSimpleName() + ")";
                throw e;
            } finally {
                log.info("Event {} {} {} in {} ms", event.type(), event.id(), outcome,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            observation.lowCardinalityKeyValue("outcome", outcome.startsWith("failed") ? "failed" : outcome).stop();
        }
    }

    /** What a service does with one event and its data. */
    @FunctionalInterface
    public interface EventHandler<T> {
        void handle(CloudEvent event, T data);
    }
}
