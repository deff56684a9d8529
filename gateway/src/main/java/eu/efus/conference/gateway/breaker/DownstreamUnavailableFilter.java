package eu.efus.conference.gateway.breaker;

import eu.efus.conference.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What the caller gets when a call through a circuit breaker fails: a service's own 5xx answer goes
 * through unchanged; anything else (refused connection, timeout, open breaker) becomes a quick 503
 * problem with Retry-After.
 */
public class DownstreamUnavailableFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DownstreamUnavailableFilter.class);

    /** Seconds a client should wait before retrying an unreachable service. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(error -> {
            if (error instanceof ServerErrorFailureFilter.ServerErrorAnswer) {
                // Already counted by the breaker; the response writer relays the service's answer as it came.
                return Mono.empty();
            }
            if (exchange.getResponse().isCommitted()) {
                return Mono.error(error);
            }
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            String service = route == null ? "the service" : route.getId();
            log.debug("{} unavailable for {} {}: {}", service, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), error.toString());
            // Drops any half-received answer (its connection and headers) before writing ours.
            ServerWebExchangeUtils.reset(exchange);
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return Problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    service + " is not reachable right now, please retry shortly");
        });
    }

    @Override
    public int getOrder() {
        // Between the response writer (which must still relay a passed-through 5xx body) and the route's
        // CircuitBreaker filter, whose failures it turns into answers.
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER + 1;
    }
}
