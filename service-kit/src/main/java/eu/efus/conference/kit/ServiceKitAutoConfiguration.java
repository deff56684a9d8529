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
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ServiceKitProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodyBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
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
