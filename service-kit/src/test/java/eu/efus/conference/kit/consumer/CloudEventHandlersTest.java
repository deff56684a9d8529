package eu.efus.conference.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.RegistrationCancelled;
import eu.efus.conference.kit.tracing.TraceHeaders;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Each handled event is one observation whose parent context is the event's traceparent (what tracing continues), with
 * its outcome; events for other services are not observed.
 */
class CloudEventHandlersTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final List<Observation.Context> stopped = new ArrayList<>();
    private final ObservationRegistry registry = ObservationRegistry.create();
    private final Set<String> seen = new HashSet<>();
    private final IdempotentConsumer idempotent = new IdempotentConsumer(null) {
        @Override
        public boolean handle(CloudEvent event, Runnable effect) {
            if (!seen.add(event.id())) {
                return false;
            }
            effect.run();
            return true;
        }
    };

    CloudEventHandlersTest() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    private static CloudEvent cancelled() {
        return CloudEventCodec.create("/registration-service", EventTypes.REGISTRATION_CANCELLED, "r-1",
                new RegistrationCancelled("r-1", null, null, "en", null));
    }

    private static org.springframework.messaging.Message<byte[]> message(CloudEvent event) {
        return MessageBuilder.withPayload(CloudEventCodec.toBytes(event)).build();
    }

    @Test
    void aHandledEventIsObservedAsAContinuationOfItsTraceparent() {
        List<Observation> during = new ArrayList<>();
        CloudEventHandlers handlers = new CloudEventHandlers(idempotent).observedBy(registry)
                .on(EventTypes.REGISTRATION_CANCELLED, RegistrationCancelled.class,
                        (event, data) -> during.add(registry.getCurrentObservation()));
        CloudEvent event = cancelled().withTrace(TRACEPARENT, "efus=1");

        handlers.accept(message(event));
        handlers.accept(message(event));

        assertThat(during).hasSize(1).doesNotContainNull();
        assertThat(stopped).hasSize(2);
        ReceiverContext<?> first = (ReceiverContext<?>) stopped.get(0);
        TraceHeaders carrier = (TraceHeaders) first.getCarrier();
        assertThat(carrier).isEqualTo(new TraceHeaders(TRACEPARENT, "efus=1"));
        assertThat(first.getName()).isEqualTo(CloudEventHandlers.OBSERVATION);
        assertThat(first.getContextualName()).isEqualTo("consume " + EventTypes.REGISTRATION_CANCELLED);
        assertThat(first.getLowCardinalityKeyValues()).contains(KeyValue.of("event.type", EventTypes.REGISTRATION_CANCELLED),
                KeyValue.of("outcome", "handled"));
        assertThat(stopped.get(1).getLowCardinalityKeyValues()).contains(KeyValue.of("outcome", "duplicate"));
    }

    @Test
    void anEventWithoutTraceContextIsObservedWithoutParent() {
        new CloudEventHandlers(idempotent).observedBy(registry)
                .on(EventTypes.REGISTRATION_CANCELLED, RegistrationCancelled.class, (event, data) -> { })
                .accept(message(cancelled()));

        assertThat(((ReceiverContext<?>) stopped.get(0)).getCarrier()).isEqualTo(TraceHeaders.NONE);
    }

    @Test
    void aFailingHandlerIsRecordedAsFailedAndTheErrorReachesTheBinder() {
        CloudEventHandlers handlers = new CloudEventHandlers(idempotent).observedBy(registry)
                .on(EventTypes.REGISTRATION_CANCELLED, RegistrationCancelled.class, (event, data) -> {
                    throw new IllegalStateException("store unavailable");
                });

        assertThatThrownBy(() -> handlers.accept(message(cancelled()))).hasMessage("store unavailable");
        assertThat(stopped.get(0).getError()).isInstanceOf(IllegalStateException.class);
        assertThat(stopped.get(0).getLowCardinalityKeyValues()).contains(KeyValue.of("outcome", "failed"));
    }

    @Test
    void eventsForOtherServicesAreNotObserved() {
        new CloudEventHandlers(idempotent).observedBy(registry)
                .on(EventTypes.REGISTRATION_CONFIRMED, Object.class, (event, data) -> { })
                .accept(message(cancelled()));

        assertThat(stopped).isEmpty();
    }
}
