package eu.efus.conference.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import eu.efus.conference.gateway.problem.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import reactor.core.scheduler.Scheduler;

/**
 * Caps the calls in flight to each service (per route) and lets the others wait their turn, in
 * arrival order, for at most the configured time; a caller still waiting then gets 503 with
 * Retry-After. The refusal happens before the circuit breaker, so overload never opens it.
 */
public class DownstreamConcurrencyFilter implements GlobalFilter, Ordered {

    private final GatewayLimitsProperties.DownstreamConcurrency limits;
    private final Scheduler timer;
    private final MeterRegistry meters;
    private final Map<String, DownstreamSlots> slotsByRoute = new ConcurrentHashMap<>();
    private final String retryAfterSeconds;

    public DownstreamConcurrencyFilter(GatewayLimitsProperties.DownstreamConcurrency limits, Scheduler timer,
            MeterRegistry meters) {
        this.limits = limits;
        this.timer = timer;
        this.meters = meters;
        this.retryAfterSeconds = Long.toString(Math.max(1, limits.retryAfter().toSeconds()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        String routeId = route.getId();
        return slots(routeId).acquire()
                .flatMap(slot -> chain.filter(exchange).doFinally(signal -> slot.release()))
                .onErrorResume(DownstreamSlots.NoSlotException.class, e -> busy(exchange, routeId));
    }

    /** The slots of one route, for tests. */
    public DownstreamSlots slots(String routeId) {
        return slotsByRoute.computeIfAbsent(routeId, this::newSlots);
    }

    @Override
    public int getOrder() {
        // Outside the response writer, so a slot is held until the service's answer has been relayed; far
        // outside the circuit breaker (a route filter), so a refusal here is never counted as a failure.
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    private DownstreamSlots newSlots(String routeId) {
        DownstreamSlots slots = new DownstreamSlots(limits.maxConcurrentCalls(), limits.maxWait(), timer);
        Gauge.builder("conference.gateway.downstream.calls.active", slots, DownstreamSlots::inUse)
                .description("Calls to the service in flight through the gateway").tag("route", routeId)
                .register(meters);
        Gauge.builder("conference.gateway.downstream.calls.waiting", slots, DownstreamSlots::waiting)
                .description("Calls waiting for a free slot").tag("route", routeId)
                .register(meters);
        return slots;
    }

    private Mono<Void> busy(ServerWebExchange exchange, String routeId) {
        Counter.builder("conference.gateway.downstream.calls.refused")
                .description("Calls answered 503 because no slot became free within the maximum wait")
                .tag("route", routeId).register(meters).increment();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return Problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "Service busy",
                routeId + " is busy right now, please retry in " + retryAfterSeconds + " s");
    }
}
