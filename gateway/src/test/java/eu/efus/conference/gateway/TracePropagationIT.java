package eu.efus.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The gateway continues a client's W3C trace and passes it downstream, and its access line carries the trace id; a
 * request without one starts a trace that the service receives all the same.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracePropagationIT extends GatewayTestSupport {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    @Autowired
    ApplicationContext context;

    @Test
    void aClientTraceparentIsContinuedDownstreamAndInTheAccessLine(CapturedOutput output) {
        client.get().uri("/api/events/SDC-TRACE").header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.servedBy").isEqualTo("registration");

        String forwarded = REGISTRATION.last().header("traceparent");
        assertThat(forwarded).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        assertThat(forwarded).doesNotContain(CLIENT_SPAN); // the gateway's own span is the service's parent
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(accessLine(output, "/api/events/SDC-TRACE"))
                .contains(TRACE_ID).contains("GET /api/events/SDC-TRACE 200"));
    }

    @Test
    void withoutATraceparentTheGatewayStartsTheTrace(CapturedOutput output) {
        client.get().uri("/api/events/SDC-UNTRACED").exchange().expectStatus().isOk().expectBody();

        String forwarded = REGISTRATION.last().header("traceparent");
        assertThat(forwarded).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = forwarded.substring(3, 35);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(accessLine(output, "/api/events/SDC-UNTRACED"))
                .contains(traceId));
    }

    @Test
    void refusalsByTheGatewayItselfAreLoggedWithTheirTrace(CapturedOutput output) {
        client.get().uri("/api/admin/events/SDC-TRACE/registrations")
                .header("traceparent", "00-" + TRACE_ID.replace('4', '5') + "-" + CLIENT_SPAN + "-01")
                .exchange().expectStatus().isUnauthorized().expectBody();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                accessLine(output, "/api/admin/events/SDC-TRACE/registrations"))
                .contains(TRACE_ID.replace('4', '5')).contains(" 401 "));
    }

    @Test
    void withoutAnOtlpEndpointNothingIsExported() {
        assertThat(context.getBeanNamesForType(SpanExporter.class)).isEmpty();
    }

    private static String accessLine(CapturedOutput output, String path) {
        return output.getOut().lines().filter(l -> l.contains("gateway.access") && l.contains(" " + path + " "))
                .reduce((first, last) -> last).orElse("");
    }
}
