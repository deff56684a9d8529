package eu.efus.conference.kit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the shared service machinery ({@code conference.*}). */
@ConfigurationProperties("conference")
public record ServiceKitProperties(StaffToken staffToken, OutboxSettings outbox, Long maxBodyBytes, String publicBaseUrl) {

    public ServiceKitProperties {
        staffToken = staffToken == null ? new StaffToken(null) : staffToken;
        outbox = outbox == null ? new OutboxSettings(null, null, null, null) : outbox;
        maxBodyBytes = maxBodyBytes == null ? 64 * 1024L : maxBodyBytes;
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl.replaceAll("/+$", "");
    }

    /** The secret shared with the gateway to verify staff tokens. */
    public record StaffToken(String secret) {
    }

    /** Which collections hold aggregates with pending events, and how the relay polls them. */
    public record OutboxSettings(List<String> collections, Duration pollInterval, Duration lease, Duration retryDelay) {
        public OutboxSettings {
            collections = collections == null ? List.of() : collections;
            pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
            lease = lease == null ? Duration.ofSeconds(30) : lease;
            retryDelay = retryDelay == null ? Duration.ofSeconds(2) : retryDelay;
        }
    }
}
