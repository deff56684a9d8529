package eu.efus.conference.gateway.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Request limits applied before anything is forwarded ({@code conference.gateway.*}). */
@ConfigurationProperties("conference.gateway")
public record GatewayLimitsProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue PublicWriteRate publicWriteRate,
        @DefaultValue DownstreamConcurrency downstreamConcurrency) {

    /**
     * Per-client-IP budget for public POST/PUT/PATCH/DELETE: {@code limit} requests per {@code period},
     * refilled continuously. {@code limit: 0} disables the limit. {@code trustForwardedFor} takes the
     * client IP from the last {@code X-Forwarded-For} entry: only behind one reverse proxy that appends it.
     */
    public record PublicWriteRate(
            @DefaultValue("100") int limit,
            @DefaultValue("10s") Duration period,
            @DefaultValue("false") boolean trustForwardedFor) {
    }

    /**
     * Per route: at most {@code maxConcurrentCalls} calls in flight to the service; the next callers wait
     * in arrival order, each for at most {@code maxWait}, then get 503 with {@code Retry-After: retryAfter}.
     */
    public record DownstreamConcurrency(
            @DefaultValue("64") int maxConcurrentCalls,
            @DefaultValue("3s") Duration maxWait,
            @DefaultValue("3s") Duration retryAfter) {
    }
}
