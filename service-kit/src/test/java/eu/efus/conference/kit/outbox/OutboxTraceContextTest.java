package eu.efus.conference.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.RegistrationCancelled;
import eu.efus.conference.kit.tracing.TraceHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** An event appended to the outbox keeps the trace context of the work that appended it, in its stored envelope. */
class OutboxTraceContextTest {

    private static final SdkTracerProvider TRACING = SdkTracerProvider.builder().build();

    @AfterAll
    static void close() {
        TRACING.close();
    }

    private static CloudEvent event() {
        return CloudEventCodec.create("/registration-service", EventTypes.REGISTRATION_CANCELLED, "r-1",
                new RegistrationCancelled("r-1", null, null, "en", null));
    }

    private static CloudEvent stored(Document fields) {
        Document pending = fields.getList(Outbox.EVENTS, Document.class).get(0);
        return CloudEventCodec.fromJson(pending.getString("payload"));
    }

    @Test
    void anEventAppendedInsideASpanCarriesItsTraceparent() {
        Span span = TRACING.get("test").spanBuilder("request").startSpan();
        try (Scope scope = span.makeCurrent()) {
            CloudEvent stored = stored(Outbox.fieldsFor(List.of(event())));
            SpanContext context = span.getSpanContext();
            assertThat(stored.traceparent())
                    .isEqualTo("00-" + context.getTraceId() + "-" + context.getSpanId() + "-01");
            assertThat(stored.tracestate()).isNull();
        } finally {
            span.end();
        }
    }

    @Test
    void theTraceStateTravelsWithIt() {
        SpanContext remote = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.builder().put("efus", "1").put("other", "x").build());
        try (Scope scope = Span.wrap(remote).makeCurrent()) {
            TraceHeaders current = TraceHeaders.current();
            assertThat(current.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            assertThat(current.tracestate()).contains("efus=1").contains("other=x").contains(",");
            assertThat(current.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(stored(Outbox.fieldsFor(List.of(event()))).tracestate()).isEqualTo(current.tracestate());
        }
    }

    @Test
    void outsideAnySpanTheEventHasNoTraceContextAndIsStoredAsBefore() {
        Document fields = Outbox.fieldsFor(List.of(event()));
        assertThat(fields.getList(Outbox.EVENTS, Document.class).get(0).getString("payload")).doesNotContain("trace");
        assertThat(stored(fields).traceparent()).isNull();
        assertThat(TraceHeaders.current()).isEqualTo(TraceHeaders.NONE);
    }

    @Test
    void aTraceContextSetOnTheEventIsKept() {
        CloudEvent preset = event().withTrace("00-11111111111111111111111111111111-2222222222222222-01", null);
        Span span = TRACING.get("test").spanBuilder("request").startSpan();
        try (Scope scope = span.makeCurrent()) {
            assertThat(stored(Outbox.fieldsFor(List.of(preset))).traceparent()).isEqualTo(preset.traceparent());
        } finally {
            span.end();
        }
    }
}
