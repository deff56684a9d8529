package eu.efus.conference.gateway.limits;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/** Registers the request limits (see each filter's order for where it runs). */
@Configuration(proxyBeanMethods = false)
public class LimitsConfig {

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(GatewayLimitsProperties properties) {
        return new BodySizeLimitFilter(properties.maxBodySize());
    }

    @Bean
    PublicWriteRateLimitFilter publicWriteRateLimitFilter(GatewayLimitsProperties properties) {
        return new PublicWriteRateLimitFilter(properties.publicWriteRate());
    }

    @Bean
    DownstreamConcurrencyFilter downstreamConcurrencyFilter(GatewayLimitsProperties properties, MeterRegistry meters) {
        // The parallel scheduler only times the waits out; nothing blocks on it.
        return new DownstreamConcurrencyFilter(properties.downstreamConcurrency(), Schedulers.parallel(), meters);
    }
}
