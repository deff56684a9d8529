package eu.efus.conference.gateway.token;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the staff token issuer and the filter that relays it downstream. */
@Configuration(proxyBeanMethods = false)
public class StaffTokenConfig {

    private static final Logger log = LoggerFactory.getLogger(StaffTokenConfig.class);

    @Bean
    StaffTokenIssuer staffTokenIssuer(StaffTokenProperties properties) {
        if (properties.secret() != null && properties.secret().startsWith("demo-only")) {
            log.warn("Using the demo staff-token secret: set CONFERENCE_STAFF_TOKEN_SECRET in any real deployment");
        }
        return new StaffTokenIssuer(properties, Clock.systemUTC());
    }

    @Bean
    StaffTokenRelayFilter staffTokenRelayFilter(StaffTokenIssuer issuer) {
        return new StaffTokenRelayFilter(issuer);
    }
}
