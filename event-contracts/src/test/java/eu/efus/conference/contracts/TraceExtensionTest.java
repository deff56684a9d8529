package eu.efus.conference.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CloudEvents distributed-tracing extension: top-level attributes in structured mode, optional both ways. */
class TraceExtensionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static CloudEvent sample() {
        return Samples.envelope(EventTypes.REGISTRATION_CANCELLED, Samples.byType().get(EventTypes.REGISTRATION_CANCELLED));
    }

    @Test
    void theTraceContextIsWrittenAsTopLevelAttributesAndReadBack() {
        CloudEvent traced = sample().withTrace(TRACEPARENT, "vendor=opaque");
        String json = CloudEventCodec.toJson(traced);

        JsonNode tree = JSON.readTree(json);
        assertThat(tree.get("traceparent").asString()).isEqualTo(TRACEPARENT);
        assertThat(tree.get("tracestate").asString()).isEqualTo("vendor=opaque");
        CloudEvent read = CloudEventCodec.fromJson(json);
        assertThat(read.traceparent()).isEqualTo(TRACEPARENT);
        assertThat(read.tracestate()).isEqualTo("vendor=opaque");
        assertThat(read.withTrace(null, null)).isEqualTo(CloudEventCodec.fromJson(CloudEventCodec.toJson(sample())));
    }

    @Test
    void anEventWithoutTraceContextHasNoTraceAttributes() {
        JsonNode tree = JSON.readTree(CloudEventCodec.toJson(sample()));
        assertThat(tree.has("traceparent")).isFalse();
        assertThat(tree.has("tracestate")).isFalse();
        CloudEvent read = CloudEventCodec.fromJson(CloudEventCodec.toJson(sample()));
        assertThat(read.traceparent()).isNull();
        assertThat(read.tracestate()).isNull();
    }
}
