package eu.efus.conference.gateway.web;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * One INFO line per request: method, path, status, duration, with the request's trace id. Deliberately no query
 * string, headers or body, which can carry manage tokens, credentials and personal data.
 *
 * <p>Written when the request's server observation stops, which is after the exception handlers answered, so the
 * status is the final one; the trace id is that observation's (the client's {@code traceparent} continued, or a new
 * trace), put in the logging MDC for the one line since no reactive thread holds it.
 */
@Configuration(proxyBeanMethods = false)
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("eu.efus.conference.gateway.access");

    @Bean
    ObservationHandler<ServerRequestObservationContext> accessLogLine() {
        return new Line();
    }

    /**
     * Probes are not observed: the gateway's own readiness probes and the monitoring's scrapes would each be a trace
     * of their own in the tracing backend (and the old rule of this log: not worth a line each).
     */
    @Bean
    ObservationPredicate actuatorRequestsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && request.getCarrier().getPath().value().startsWith("/actuator/"));
    }

    static final class Line implements ObservationHandler<ServerRequestObservationContext> {

        private static final String START = AccessLog.class.getName() + ".start";

        @Override
        public void onStart(ServerRequestObservationContext context) {
            context.put(START, System.nanoTime());
        }

        @Override
        public void onStop(ServerRequestObservationContext context) {
            if (!log.isInfoEnabled()) {
                return;
            }
            ServerHttpRequest request = context.getCarrier();
            ServerHttpResponse response = context.getResponse();
            HttpStatusCode status = response == null ? null : response.getStatusCode();
            Long start = context.get(START);
            long millis = start == null ? -1 : (System.nanoTime() - start) / 1_000_000;
            TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
            Span span = tracing == null ? null : tracing.getSpan();
            String previousTrace = MDC.get("traceId");
            String previousSpan = MDC.get("spanId");
            if (span != null) {
                MDC.put("traceId", span.context().traceId());
                MDC.put("spanId", span.context().spanId());
            }
            try {
                log.info("{} {} {} {}ms", request.getMethod(), request.getPath().value(),
                        status != null ? status.value() : "-", millis);
            } finally {
                if (span != null) {
                    restore("traceId", previousTrace);
                    restore("spanId", previousSpan);
                }
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof ServerRequestObservationContext;
        }

        private static void restore(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }
}
