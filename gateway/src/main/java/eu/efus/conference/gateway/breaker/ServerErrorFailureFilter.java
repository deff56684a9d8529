package eu.efus.conference.gateway.breaker;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Makes a service's own 5xx answer a failure for the route's circuit breaker: a service that answers
 * but cannot serve (its database is down, it fails on every call) should be given a rest like one
 * that cannot be reached. The answer itself is kept: {@link DownstreamUnavailableFilter} passes it on.
 */
public class ServerErrorFailureFilter implements GlobalFilter, Ordered {

    /** Signals a 5xx answer from the service; the answer's status, headers and unread body stay in the exchange. */
    public static final class ServerErrorAnswer extends RuntimeException {

        ServerErrorAnswer(HttpStatusCode status) {
            super("The service answered " + status.value(), null, false, false);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).then(Mono.defer(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            boolean answeredByService = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null;
            return answeredByService && status != null && status.is5xxServerError()
                    ? Mono.error(new ServerErrorAnswer(status))
                    : Mono.empty();
        }));
    }

    @Override
    public int getOrder() {
        // Inside the CircuitBreaker route filter (order 1, 2… by position) and after the routing call has its answer.
        return 1000;
    }
}
