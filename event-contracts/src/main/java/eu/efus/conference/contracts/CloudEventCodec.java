package eu.efus.conference.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads CloudEvents JSON; consumers tolerate unknown fields so additive changes keep the type version. */
public final class CloudEventCodec {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private CloudEventCodec() {
    }

    /** A new event with a fresh id and the current time. */
    public static CloudEvent create(String source, String type, String subject, Object data) {
        return create(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                source, type, subject, data);
    }

    public static CloudEvent create(String id, OffsetDateTime time, String source, String type, String subject, Object data) {
        EventTypes.Binding binding = EventTypes.of(type);
        if (!binding.dataType().isInstance(data)) {
            throw new IllegalArgumentException("Type " + type + " carries " + binding.dataType().getSimpleName()
                    + ", not " + data.getClass().getSimpleName());
        }
        JsonNode tree = MAPPER.valueToTree(data);
        return new CloudEvent(CloudEvent.SPEC_VERSION, id, source, type, time, subject, CloudEvent.DATA_CONTENT_TYPE, tree);
    }

    public static String toJson(CloudEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static byte[] toBytes(CloudEvent event) {
        return toJson(event).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses and checks the required attributes; throws {@link InvalidEventException} for anything unusable. */
    public static CloudEvent fromBytes(byte[] bytes) {
        return fromJson(new String(bytes, StandardCharsets.UTF_8));
    }

    public static CloudEvent fromJson(String json) {
        CloudEvent event;
        try {
            event = MAPPER.readValue(json, CloudEvent.class);
        } catch (RuntimeException e) {
            throw new InvalidEventException("Not a CloudEvents JSON document: " + e.getMessage(), e);
        }
        if (event == null || !CloudEvent.SPEC_VERSION.equals(event.specversion()) || isBlank(event.id())
                || isBlank(event.source()) || isBlank(event.type())) {
            throw new InvalidEventException("Missing CloudEvents attributes (specversion 1.0, id, source, type)", null);
        }
        return event;
    }

    /** The data of an event as the record its type declares. */
    public static Object data(CloudEvent event) {
        return event.dataAs(EventTypes.of(event.type()).dataType());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** An event that cannot be read: a poison message for the dead-letter topic. */
    public static class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
