package eu.efus.conference.registration;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.testsupport.Http;
import eu.efus.conference.testsupport.JsonLogLines;
import eu.efus.conference.testsupport.ServiceProcess;
import eu.efus.conference.testsupport.StaffTokens;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service in a process of its own, configured as a deployment configures it (environment variables, command-line
 * properties): Boot's standard switch {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} turns its console into JSON lines
 * (Elastic Common Schema) that carry the trace id (the console format is set up once per JVM), and without one of its
 * secrets (the jar has none) it does not start, and says which variable to set.
 */
class StructuredLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What a deployment gives the service (its own values; the jar has none). */
    private static final Map<String, String> SECRETS = Map.of(
            "CONFERENCE_STAFF_TOKEN_SECRET", StaffTokens.DEMO_SECRET,
            "CONFERENCE_CHECKIN_SECRET", TestInfrastructure.CHECKIN_SECRET);

    @Test
    void withTheEcsSwitchEveryLineIsJsonAndTheRequestLineCarriesTheTraceId() throws Exception {
        int port = TestInfrastructure.freePort();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> environment = new HashMap<>(SECRETS);
        environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        try (ServiceProcess service = ServiceProcess.start(RegistrationServiceApplication.class.getName(), environment,
                arguments(port, "registration-ecs"))) {
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
            // Not only the request line: once logging started, the whole console is JSON, one object per line.
            List<JsonNode> logged = JsonLogLines.parse(service.output(), "registration-service's console");
            assertThat(logged).anyMatch(event -> event.path("message").asString().startsWith("Started RegistrationServiceApplication"));
        }
    }

    @Test
    void withoutOneOfItsSecretsTheServiceDoesNotStartAndNamesTheVariable() throws Exception {
        for (String missing : SECRETS.keySet()) {
            // blank rather than absent, so that nothing in this JVM's own environment can stand in for it
            Map<String, String> environment = new HashMap<>(SECRETS);
            environment.put(missing, "");
            try (ServiceProcess service = ServiceProcess.start(RegistrationServiceApplication.class.getName(), environment,
                    arguments(TestInfrastructure.freePort(), "registration-no-secret"))) {
                assertThat(service.awaitExit(Duration.ofMinutes(2))).as(missing).isNotZero();
                assertThat(service.output()).as(missing).anyMatch(l -> l.contains(missing));
                assertThat(service.output()).noneMatch(l -> l.contains("Started RegistrationServiceApplication"));
            }
        }
    }

    private static List<String> arguments(int port, String database) {
        TestInfrastructure infra = TestInfrastructure.get();
        return List.of("--server.port=" + port, "--spring.mongodb.uri=" + infra.mongoUri(database),
                "--spring.cloud.stream.kafka.binder.brokers=" + infra.kafkaBootstrap(), "--conference.demo-data=false");
    }

    private static String millis(JsonNode line) {
        String message = line.get("message").asString();
        return message.substring(message.lastIndexOf(' ') + 1, message.length() - 2);
    }
}
