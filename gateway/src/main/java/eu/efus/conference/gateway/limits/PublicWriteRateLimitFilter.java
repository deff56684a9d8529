package eu.efus.conference.gateway.limits;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import eu.efus.conference.gateway.problem.Problems;
import eu.efus.conference.gateway.security.StaffRoles;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Limits public writes (registrations, press requests, cancellations) per client IP; answers 429 with Retry-After. */
public class PublicWriteRateLimitFilter implements WebFilter, Ordered {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    /** Null when the limit is 0 (disabled). */
    private final TokenBuckets buckets;
    private final boolean trustForwardedFor;
    private final String limitDescription;

    public PublicWriteRateLimitFilter(GatewayLimitsProperties.PublicWriteRate rate) {
        this.buckets = rate.limit() > 0 ? new TokenBuckets(rate.limit(), rate.period(), System::nanoTime) : null;
        this.trustForwardedFor = rate.trustForwardedFor();
        this.limitDescription = rate.limit() + " per " + rate.period().toSeconds() + " s";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (buckets == null || !WRITES.contains(request.getMethod()) || !request.getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return StaffRoles.STAFF_PATHS.matches(exchange).flatMap(staffPath -> {
            if (staffPath.isMatch()) {
                return chain.filter(exchange);
            }
            long waitNanos = buckets.tryAcquire(clientIp(request));
            if (waitNanos == 0) {
                return chain.filter(exchange);
            }
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            return Problems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "Too many requests from your address (limit " + limitDescription + "). Retry in "
                            + retryAfter + " s.");
        });
    }

    @Override
    public int getOrder() {
        // After the size check, before Spring Security (-100): refusing costs nothing, a password check costs a bcrypt round.
        return -200;
    }

    private String clientIp(ServerHttpRequest request) {
        return ClientAddress.of(request, trustForwardedFor);
    }
}
