package eu.efus.conference.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every event type has a golden JSON sample that producers write exactly and consumers read back to the same record. */
class GoldenSamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Iterable<String> types() {
        return EventTypes.ALL.keySet();
    }

    @Test
    void everyTypeHasASample() {
        assertThat(Samples.byType().keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL.keySet());
        for (String type : EventTypes.ALL.keySet()) {
            assertThat(GoldenSamplesTest.class.getResource("/golden/" + type + ".json")).as(type).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void producerWritesTheGoldenSample(String type) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            // Regenerates the files on purpose only: -Dgolden.write=true, then review the diff.
            Path file = Path.of("src/main/resources/golden/" + type + ".json");
            JsonNode tree = JSON.readTree(CloudEventCodec.toJson(Samples.envelope(type, Samples.byType().get(type))));
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n");
        }
        String written = CloudEventCodec.toJson(Samples.envelope(type, Samples.byType().get(type)));
        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(golden(type)));
    }

    @ParameterizedTest
    @MethodSource("types")
    void consumerReadsTheGoldenSample(String type) throws IOException {
        CloudEvent event = CloudEventCodec.fromJson(golden(type));
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.datacontenttype()).isEqualTo("application/json");
        assertThat(event.time()).isEqualTo(Samples.TIME);
        assertThat(CloudEventCodec.data(event)).isEqualTo(Samples.byType().get(type));
    }

    @Test
    void consumersTolerateAdditiveFields() throws IOException {
        String type = EventTypes.REGISTRATION_CONFIRMED;
        String withExtra = golden(type).replaceFirst("\"registrationId\"", "\"aFieldAddedLater\": 42, \"registrationId\"");
        assertThat(CloudEventCodec.data(CloudEventCodec.fromJson(withExtra))).isEqualTo(Samples.byType().get(type));
    }

    @Test
    void unreadableEventsAreRejectedAsInvalid() {
        assertThatThrownBy(() -> CloudEventCodec.fromJson("{not json"))
                .isInstanceOf(CloudEventCodec.InvalidEventException.class);
        assertThatThrownBy(() -> CloudEventCodec.fromJson("{\"specversion\":\"0.3\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"t\"}"))
                .isInstanceOf(CloudEventCodec.InvalidEventException.class);
        assertThatThrownBy(() -> CloudEventCodec.fromJson("{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\"}"))
                .isInstanceOf(CloudEventCodec.InvalidEventException.class);
    }

    @Test
    void aRecordCannotTravelUnderAnotherType() {
        Object confirmed = Samples.byType().get(EventTypes.REGISTRATION_CONFIRMED);
        assertThatThrownBy(() -> CloudEventCodec.create("/registration-service", EventTypes.REGISTRATION_CANCELLED, "r", confirmed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeNamesAreStableStringsNotClassNames() {
        for (Map.Entry<String, EventTypes.Binding> entry : EventTypes.ALL.entrySet()) {
            assertThat(entry.getKey()).matches("eu\\.efus\\.[a-z]+\\.[a-z-]+\\.v\\d+");
            assertThat(entry.getKey()).doesNotContain(entry.getValue().dataType().getSimpleName());
        }
    }

    private static String golden(String type) throws IOException {
        try (InputStream in = GoldenSamplesTest.class.getResourceAsStream("/golden/" + type + ".json")) {
            assertThat(in).as("golden sample for " + type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
