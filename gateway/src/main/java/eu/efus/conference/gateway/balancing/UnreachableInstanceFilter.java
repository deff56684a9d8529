package eu.efus.conference.gateway.balancing;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Right after the load balancer chose an instance: when the connection to it is refused or dropped (a process that
 * died, or is dying), that instance is left out of the next choices until a readiness probe finds it ready again.
 * Each retry attempt passes here, so the retry already avoids it.
 */
public class UnreachableInstanceFilter implements GlobalFilter, Ordered {

    private final ServiceInstances instances;

    public UnreachableInstanceFilter(ServiceInstances instances) {
        this.instances = instances;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).doOnError(error -> {
            if (cutOff(error)) {
                Response<ServiceInstance> chosen = exchange.getAttribute(
                        ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
                if (chosen != null && chosen.hasServer()) {
                    instances.unreachable(chosen.getServer());
                }
            }
        });
    }

    private static boolean cutOff(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
    }
}
