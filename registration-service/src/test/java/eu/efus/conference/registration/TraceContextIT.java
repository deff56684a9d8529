package eu.efus.conference.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.AccreditationApproved;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventSummary;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Journalist;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.testsupport.Http.Response;
import eu.efus.conference.testsupport.KafkaProbe;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The trace of a request follows its events: an event appended while a traced request runs carries that request's
 * W3C trace context on the Kafka record (CloudEvents distributed-tracing extension), and a consumed event's trace is
 * continued by its handler (its log line, the events it causes). Events without trace context work as before.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceContextIT extends RegistrationServiceITBase {

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-00f067aa0ba902b7-01";
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void anEventAppendedInATracedRequestCarriesItsTraceparent(CapturedOutput output) throws Exception {
        String traceId = newTraceId();
        Response created = call("POST", "/api/events/SDC-BRUSSELS/registrations", form(uniqueEmail(), "W-DRUGS"),
                "traceparent", traceparent(traceId));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asString();

        CloudEvent confirmed = awaitEvent(id, EventTypes.REGISTRATION_CONFIRMED);
        // Same trace; the parent is the service's own server span, not the caller's.
        assertThat(confirmed.traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .isNotEqualTo(traceparent(traceId));
        assertThat(confirmed.tracestate()).isNull();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lineWith(output, traceId,
                "POST /api/events/{code}/registrations 201")).isPresent());
        // One line per request, without the participant's address or any token.
        assertThat(output.getOut().lines().filter(l -> l.contains(traceId) && l.contains("eu.efus.conference.access")))
                .hasSize(1).allSatisfy(l -> assertThat(l).doesNotContain("@").doesNotContain("token"));
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceItsEventsCarry() throws Exception {
        Response created = call("POST", "/api/events/SDC-BRUSSELS/registrations", form(uniqueEmail()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        CloudEvent confirmed = awaitEvent(created.body().get("id").asString(), EventTypes.REGISTRATION_CONFIRMED);
        assertThat(confirmed.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void aConsumedEventsTraceIsContinuedByItsHandlerAndTheEventsItCauses(CapturedOutput output) {
        String traceId = newTraceId();
        String email = "traced-" + UUID.randomUUID().toString().substring(0, 8) + "@press.example";
        CloudEvent approval = approval(email).withTrace(traceparent(traceId), "efus=1");
        KafkaProbe.send(TestInfrastructure.get().kafkaBootstrap(), Topics.ACCREDITATION_EVENTS, approval.subject(),
                CloudEventCodec.toBytes(approval));

        CloudEvent confirmed = awaitConfirmationFor(email);
        assertThat(confirmed.traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(confirmed.tracestate()).isEqualTo("efus=1");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lineWith(output, traceId,
                "Event " + EventTypes.ACCREDITATION_APPROVED + " " + approval.id() + " handled")).isPresent());
    }

    @Test
    void anEventWithoutTraceContextIsHandledInATraceOfItsOwn(CapturedOutput output) {
        String email = "untraced-" + UUID.randomUUID().toString().substring(0, 8) + "@press.example";
        CloudEvent approval = approval(email);
        assertThat(CloudEventCodec.toJson(approval)).doesNotContain("traceparent");
        KafkaProbe.send(TestInfrastructure.get().kafkaBootstrap(), Topics.ACCREDITATION_EVENTS, approval.subject(),
                CloudEventCodec.toBytes(approval));

        CloudEvent confirmed = awaitConfirmationFor(email);
        assertThat(confirmed.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = confirmed.traceparent().substring(3, 35);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lineWith(output, traceId,
                "Event " + EventTypes.ACCREDITATION_APPROVED + " " + approval.id() + " handled")).isPresent());
    }

    private static CloudEvent approval(String email) {
        String accreditationId = "a-" + UUID.randomUUID().toString().substring(0, 10);
        OffsetDateTime start = OffsetDateTime.parse("2027-03-17T09:00:00+01:00");
        AccreditationApproved approved = new AccreditationApproved(accreditationId,
                new EventSummary("SDC-BRUSSELS", "CONFERENCE", null, null, "Brussels", "BE", start, start.plusDays(2),
                        "Europe/Brussels"),
                new Journalist("Marc", "Example", email, "Le Quotidien", "PRINT", "BE", "BE-1"), "fr", "press-officer");
        return CloudEventCodec.create("/accreditation-service", EventTypes.ACCREDITATION_APPROVED, accreditationId, approved);
    }

    /** The registration.confirmed of the PRESS registration made for this journalist. */
    private static CloudEvent awaitConfirmationFor(String email) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> probe.values().stream()
                .filter(v -> v.contains(email)).map(CloudEventCodec::fromJson)
                .filter(e -> e.type().equals(EventTypes.REGISTRATION_CONFIRMED)).findFirst(), Optional::isPresent).get();
    }

    private static Optional<String> lineWith(CapturedOutput output, String traceId, String text) {
        return output.getOut().lines().filter(l -> l.contains(traceId) && l.contains(text)).findFirst();
    }
}
