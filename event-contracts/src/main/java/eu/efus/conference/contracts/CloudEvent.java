package eu.efus.conference.contracts;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** A CloudEvents 1.0 event in structured JSON mode; {@code data} stays a JSON tree until a consumer asks for its record. */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String DATA_CONTENT_TYPE = "application/json";

    /** The data as the record registered for this event's type. */
    public <T> T dataAs(Class<T> type) {
        return CloudEventCodec.MAPPER.treeToValue(data, type);
    }
}
