package eu.efus.conference.gateway.limits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the request limits (ordered ahead of Spring Security, see each filter's order). */
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
}
