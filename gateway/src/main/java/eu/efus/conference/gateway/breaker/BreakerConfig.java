package eu.efus.conference.gateway.breaker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers what decides a circuit breaker failure and what the caller gets for one. */
@Configuration(proxyBeanMethods = false)
public class BreakerConfig {

    @Bean
    ServerErrorFailureFilter serverErrorFailureFilter() {
        return new ServerErrorFailureFilter();
    }

    @Bean
    DownstreamUnavailableFilter downstreamUnavailableFilter() {
        return new DownstreamUnavailableFilter();
    }
}
