package eu.efus.conference.gateway.balancing;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;

/**
 * Spring Cloud LoadBalancer over the configured instances of each service ({@code lb://<service>} routes): round
 * robin among the instances {@link ServiceInstances} finds fit.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = BalancingConfig.PerService.class)
public class BalancingConfig {

    @Bean
    ServiceInstances serviceInstances(Environment environment,
            @Value("${conference.gateway.instances.probe-interval:2s}") Duration interval,
            @Value("${conference.gateway.instances.probe-path:/actuator/health/readiness}") String probePath) {
        return new ServiceInstances(environment, interval, probePath);
    }

    @Bean
    SafeRetryGatewayFilterFactory safeRetryGatewayFilterFactory() {
        return new SafeRetryGatewayFilterFactory();
    }

    @Bean
    UnreachableInstanceFilter unreachableInstanceFilter(ServiceInstances instances) {
        return new UnreachableInstanceFilter(instances);
    }

    /** The per-service part, in each load-balancer client's own context. */
    @Configuration(proxyBeanMethods = false)
    public static class PerService {

        @Bean
        ServiceInstanceListSupplier configuredInstances(Environment environment, ServiceInstances instances) {
            String serviceId = LoadBalancerClientFactory.getName(environment);
            return new ServiceInstanceListSupplier() {
                @Override
                public String getServiceId() {
                    return serviceId;
                }

                @Override
                public Flux<List<ServiceInstance>> get() {
                    return Flux.defer(() -> Flux.just(instances.available(serviceId)));
                }
            };
        }
    }
}
