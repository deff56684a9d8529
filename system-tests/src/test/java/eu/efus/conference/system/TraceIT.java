package eu.efus.conference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.testsupport.Http;
import eu.efus.conference.testsupport.Http.Response;
import eu.efus.conference.testsupport.JsonLogLines;
import eu.efus.conference.testsupport.KafkaProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * One W3C trace follows a registration from the client through the gateway, registration-service, Kafka and
 * notification-service to the email, on the stack started as {@code ./run.sh} starts it, with structured logs switched
 * on the standard way ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} in the launcher's environment, which every service
 * inherits): each service's log holds JSON lines carrying the client's trace id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceIT {

    private Stack stack;

    @BeforeAll
    void startStack() throws Exception {
        Path data = Path.of("target", "e2e-trace-" + System.currentTimeMillis()).toAbsolutePath();
        stack = new Stack(data).start(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aRegistrationKeepsTheClientsTraceThroughTheGatewayKafkaAndTheMailService() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String address = "trace-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try (KafkaProbe registrations = new KafkaProbe("localhost:" + stack.ports.get("KAFKA_PORT"),
                Topics.REGISTRATION_EVENTS)) {
            Response created = Http.call(stack.gateway(), "POST", "/api/events/SDC-BRUSSELS/registrations",
                    JourneysIT.form("Tracy", address, "en", "W-DRUGS"),
                    "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            String id = created.body().get("id").asString();

            // On the wire: the CloudEvents distributed-tracing extension of the record, in the client's trace.
            CloudEvent confirmed = registrations.awaitEvent(id, EventTypes.REGISTRATION_CONFIRMED);
            assertThat(confirmed.traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-01");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !Mailbox.read(stack.imapPort(), address).isEmpty());
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(messages("gateway", traceId))
                        .anyMatch(m -> m.startsWith("POST /api/events/SDC-BRUSSELS/registrations 201 "));
                assertThat(messages("registration-service", traceId))
                        .anyMatch(m -> m.startsWith("POST /api/events/{code}/registrations 201 "));
                List<String> mailService = messages("notification-service", traceId);
                assertThat(mailService).anyMatch(m -> m.startsWith(
                        "Event " + EventTypes.REGISTRATION_CONFIRMED + " " + confirmed.id() + " handled"));
                assertThat(mailService).anyMatch(m -> m.startsWith("Email ") && m.contains(" sent, attempt 1"));
            });
            // Ids, never the participant's address.
            for (String module : List.of("gateway", "registration-service", "notification-service")) {
                assertThat(messages(module, traceId)).as(module).noneMatch(m -> m.contains(address));
            }
            // Every process of the stack logs JSON lines, accreditation-service too, though this trace does not reach it.
            assertThat(messages("accreditation-service", traceId)).isEmpty();
        }
    }

    /**
     * The messages of {@code module}'s JSON log lines that carry {@code traceId}. Every line must be JSON from the first
     * JSON one on; before it, only the few lines the JVM prints before logging starts ({@link JsonLogLines}).
     */
    private List<String> messages(String module, String traceId) throws IOException {
        Path log = stack.dataDir.resolve("logs").resolve(module + ".log");
        List<String> messages = new ArrayList<>();
        for (JsonNode event : JsonLogLines.parse(Files.readAllLines(log, StandardCharsets.UTF_8), log.toString())) {
            if (event.has("traceId") && traceId.equals(event.get("traceId").asString())) {
                messages.add(event.get("message").asString());
            }
        }
        return messages;
    }
}
