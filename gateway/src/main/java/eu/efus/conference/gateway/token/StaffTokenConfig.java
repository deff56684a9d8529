package eu.efus.conference.gateway.token;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the staff token issuer and the filter that relays it downstream. */
@Configuration(proxyBeanMethods = false)
public class StaffTokenConfig {

    /**
     * No secret ships with the gateway (a public one would let anyone forge staff tokens the services trust): without
     * {@code CONFERENCE_STAFF_TOKEN_SECRET} the gateway does not start, and says which variable to set.
     */
    @Bean
    StaffTokenIssuer staffTokenIssuer(StaffTokenProperties properties) {
        if (properties.secret() == null || properties.secret().isBlank()) {
            throw new IllegalStateException("CONFERENCE_STAFF_TOKEN_SECRET is not set (conference.staff-token.secret): "
                    + "give the same value of at least 32 random bytes to the gateway and every service, "
                    + "e.g. from openssl rand -base64 48");
        }
        return new StaffTokenIssuer(properties, Clock.systemUTC());
    }

    @Bean
    StaffTokenRelayFilter staffTokenRelayFilter(StaffTokenIssuer issuer) {
        return new StaffTokenRelayFilter(issuer);
    }
}
