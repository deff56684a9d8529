package eu.efus.conference.kit.tracing;

import eu.efus.conference.contracts.CloudEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceState;

/**
 * A W3C trace context ({@code traceparent}, {@code tracestate}) as it is handed to later work: in a CloudEvent's
 * distributed-tracing extension, or stored with work that runs later (a ledger entry). Either part may be null.
 */
public record TraceHeaders(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** No trace context: the work it is handed to starts a trace of its own. */
    public static final TraceHeaders NONE = new TraceHeaders(null, null);

    /**
     * The context of the span current on this thread (the request or the consumed event being handled), or
     * {@link #NONE} outside any. Reads OpenTelemetry's context, which Micrometer Tracing's OpenTelemetry bridge sets;
     * no lookup, no allocation when there is no span.
     */
    public static TraceHeaders current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return NONE;
        }
        String traceparent = "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
        return new TraceHeaders(traceparent, encode(span.getTraceState()));
    }

    /** The trace context an event carries. */
    public static TraceHeaders of(CloudEvent event) {
        return event.traceparent() == null ? NONE : new TraceHeaders(event.traceparent(), event.tracestate());
    }

    public boolean isPresent() {
        return traceparent != null;
    }

    /** The value of one propagation field, as a propagator asks for it; null for fields W3C does not define. */
    public String get(String field) {
        if (TRACEPARENT.equalsIgnoreCase(field)) {
            return traceparent;
        }
        return TRACESTATE.equalsIgnoreCase(field) ? tracestate : null;
    }

    /** {@code event} carrying this context, unless it carries one already (kept: it was set on purpose). */
    public CloudEvent attachTo(CloudEvent event) {
        return !isPresent() || event.traceparent() != null ? event : event.withTrace(traceparent, tracestate);
    }

    /** The trace id (32 hex digits) of {@link #traceparent}, or null. */
    public String traceId() {
        return traceparent == null || traceparent.length() < 35 ? null : traceparent.substring(3, 35);
    }

    private static String encode(TraceState state) {
        if (state.isEmpty()) {
            return null;
        }
        StringBuilder encoded = new StringBuilder();
        state.forEach((key, value) -> encoded.append(encoded.isEmpty() ? "" : ",").append(key).append('=').append(value));
        return encoded.toString();
    }
}
