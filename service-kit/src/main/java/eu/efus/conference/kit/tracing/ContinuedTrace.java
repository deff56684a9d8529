package eu.efus.conference.kit.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The observation of work that continues a trace handed over as {@link TraceHeaders}: a consumed event, an email sent
 * later from its ledger entry. Tracing makes its span a child of that context (a new trace when there is none), and
 * while it is open the logs carry that trace id and the events appended to the outbox carry its context onwards.
 */
public final class ContinuedTrace extends ReceiverContext<TraceHeaders> {

    private ContinuedTrace(TraceHeaders parent) {
        super((carrier, field) -> carrier.get(field));
        setCarrier(parent);
    }

    /** A not yet started observation {@code name} of work whose trace context is {@code parent}. */
    public static Observation observation(String name, TraceHeaders parent, ObservationRegistry registry) {
        return Observation.createNotStarted(name, () -> new ContinuedTrace(parent == null ? TraceHeaders.NONE : parent),
                registry);
    }
}
