package eu.efus.conference.registration;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.testsupport.Http;
import eu.efus.conference.testsupport.ServiceProcess;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boot's standard switch {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} turns the service's console into JSON lines
 * (Elastic Common Schema) that carry the trace id. A process of its own: the console format is set up once per JVM.
 */
class StructuredLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withTheEcsSwitchEveryLineIsJsonAndTheRequestLineCarriesTheTraceId() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        int port = TestInfrastructure.freePort();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (ServiceProcess service = ServiceProcess.start(RegistrationServiceApplication.class.getName(),
                Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"),
                List.of("--server.port=" + port, "--spring.mongodb.uri=" + infra.mongoUri("registration-ecs"),
                        "--spring.cloud.stream.kafka.binder.brokers=" + infra.kafkaBootstrap(),
                        "--conference.demo-data=false"))) {
            service.awaitLine(l -> l.contains("Started RegistrationServiceApplication"), Duration.ofMinutes(2));

            Http.Response events = Http.call("http://localhost:" + port, "GET", "/api/events", null,
                    "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
            assertThat(events.status()).isEqualTo(200);

            JsonNode line = JSON.readTree(service.awaitLine(l -> l.contains(traceId), Duration.ofSeconds(10)));
            assertThat(line.get("message").asString()).isEqualTo("GET /api/events 200 " + millis(line) + "ms");
            assertThat(line.at("/log/logger").asString()).isEqualTo("eu.efus.conference.access");
            assertThat(line.at("/log/level").asString()).isEqualTo("INFO");
            assertThat(line.at("/service/name").asString()).isEqualTo("registration-service");
            assertThat(line.get("traceId").asString()).isEqualTo(traceId);
            assertThat(line.get("spanId").asString()).matches("[0-9a-f]{16}");
            assertThat(line.at("/ecs/version").isMissingNode()).isFalse();
            // Not only the request line: the whole console is JSON, one object per line.
            for (String other : service.output()) {
                if (other.startsWith("{")) {
                    assertThat(JSON.readTree(other).has("@timestamp")).as(other).isTrue();
                }
            }
            assertThat(service.output().stream().filter(l -> l.contains("Started RegistrationServiceApplication")))
                    .allMatch(l -> l.startsWith("{"));
        }
    }

    private static String millis(JsonNode line) {
        String message = line.get("message").asString();
        return message.substring(message.lastIndexOf(' ') + 1, message.length() - 2);
    }
}
