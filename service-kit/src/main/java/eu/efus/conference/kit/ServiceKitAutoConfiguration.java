package eu.efus.conference.kit;

import eu.efus.conference.kit.consumer.IdempotentConsumer;
import eu.efus.conference.kit.health.MongoPingHealthIndicator;
import eu.efus.conference.kit.outbox.EventPublisher;
import eu.efus.conference.kit.outbox.OutboxRelay;
import eu.efus.conference.kit.outbox.StreamBridgeEventPublisher;
import eu.efus.conference.kit.problem.ProblemDetailsAdvice;
import eu.efus.conference.kit.security.StaffEndpoints;
import eu.efus.conference.kit.security.StaffTokenSecurity;
import eu.efus.conference.kit.web.BodySizeLimitFilter;
import eu.efus.conference.kit.web.RequestLogFilter;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** Wires the shared machinery into every service that has the kit on its classpath. */
@AutoConfiguration
@EnableConfigurationProperties(ServiceKitProperties.class)
public class ServiceKitAutoConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /**
     * Inside the HTTP server observation (Boot orders it at {@code HIGHEST_PRECEDENCE + 1}), so each line carries the
     * request's trace id, and before the body limit, so refused bodies get their line too.
     */
    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ServiceKitProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodyBytes()));
        // Still before anything that reads a body (security, the dispatcher servlet); after the request log.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /**
     * Actuator requests are not observed: the readiness probes (every second, per instance) would each be a trace of
     * their own in the tracing backend, and a timer sample nobody reads.
     */
    @Bean
    ObservationPredicate actuatorRequestsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/actuator"));
    }

    @Bean
    MongoPingHealthIndicator mongoPingHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(MongoTemplate mongo) {
        return new IdempotentConsumer(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(StreamBridge bridge) {
        return new StreamBridgeEventPublisher(bridge);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, ServiceKitProperties properties) {
        ServiceKitProperties.OutboxSettings settings = properties.outbox();
        return new OutboxRelay(mongo, publisher, settings.collections(), settings.pollInterval(), settings.lease(),
                settings.retryDelay());
    }

    @Bean
    @ConditionalOnMissingBean
    StaffEndpoints staffEndpoints() {
        return new StaffEndpoints();
    }

    @Bean
    JwtDecoder staffTokenDecoder(ServiceKitProperties properties) {
        return StaffTokenSecurity.decoder(properties.staffToken().secret());
    }

    @Bean
    SecurityFilterChain staffSecurityFilterChain(HttpSecurity http, StaffEndpoints endpoints, JwtDecoder decoder)
            throws Exception {
        return StaffTokenSecurity.chain(http, endpoints, decoder);
    }
}
