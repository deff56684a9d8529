package eu.efus.conference.contracts;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode; {@code data} stays a JSON tree until a consumer asks for its record.
 *
 * <p>{@code traceparent} and {@code tracestate} are the CloudEvents distributed-tracing extension: the W3C trace context
 * of the change that produced the event, so its consumers continue the same trace. Both are optional (absent from the
 * JSON when null): events written before they existed, or outside any trace, are read and handled the same way.
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        JsonNode data,
        String traceparent,
        String tracestate) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String DATA_CONTENT_TYPE = "application/json";

    /** An event without trace context. */
    public CloudEvent(String specversion, String id, String source, String type, OffsetDateTime time, String subject,
            String datacontenttype, JsonNode data) {
        this(specversion, id, source, type, time, subject, datacontenttype, data, null, null);
    }

    /** This event carrying the given W3C trace context ({@code tracestate} may be null). */
    public CloudEvent withTrace(String traceparent, String tracestate) {
        return new CloudEvent(specversion, id, source, type, time, subject, datacontenttype, data, traceparent, tracestate);
    }

    /** The data as the record registered for this event's type. */
    public <T> T dataAs(Class<T> type) {
        return CloudEventCodec.MAPPER.treeToValue(data, type);
    }
}
