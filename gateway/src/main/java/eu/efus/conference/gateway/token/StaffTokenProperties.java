package eu.efus.conference.gateway.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The shared HS256 secret ({@code conference.staff-token.secret}, UTF-8, at least 32 bytes) and the token lifetime. */
@ConfigurationProperties("conference.staff-token")
public record StaffTokenProperties(String secret, @DefaultValue("60s") Duration ttl) {
}
