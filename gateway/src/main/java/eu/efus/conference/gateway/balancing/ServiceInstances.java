package eu.efus.conference.gateway.balancing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The instances of each routed service, from {@code conference.routes.<name>} (a comma-separated list of base URLs),
 * and which of them are fit to take calls. An instance is left out after a refused connection (told by
 * {@link SafeRetryGatewayFilterFactory}) or a failed readiness probe, and taken back at its next good probe. Probes
 * run only for services with more than one instance: with one, there is nobody else to send the call to.
 */
public class ServiceInstances implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);
    /** Route key (as in {@code conference.routes.*}) → service id (as in {@code lb://…} and the route ids). */
    static final Map<String, String> SERVICES = Map.of("registration", "registration-service",
            "accreditation", "accreditation-service", "notification", "notification-service");

    private final Map<String, List<Member>> members = new LinkedHashMap<>();
    private final Duration interval;
    private final String probePath;
    private final WebClient client;
    private ScheduledExecutorService prober;

    public ServiceInstances(Environment environment, Duration interval, String probePath) {
        this.interval = interval;
        this.probePath = probePath;
        this.client = WebClient.create();
        SERVICES.forEach((key, serviceId) -> {
            String urls = environment.getProperty("conference.routes." + key, "");
            List<Member> list = new ArrayList<>();
            int i = 0;
            for (String url : urls.split(",")) {
                if (!url.isBlank()) {
                    URI uri = URI.create(url.strip());
                    list.add(new Member(new DefaultServiceInstance(serviceId + "-" + i++, serviceId, uri.getHost(),
                            uri.getPort() < 0 ? 80 : uri.getPort(), "https".equals(uri.getScheme()))));
                }
            }
            members.put(serviceId, List.copyOf(list));
        });
    }

    /** The instances to balance over: the fit ones, or all of them when none is (the call then fails as it must). */
    public List<ServiceInstance> available(String serviceId) {
        List<Member> all = members.getOrDefault(serviceId, List.of());
        Instant now = Instant.now();
        List<ServiceInstance> fit = all.stream().filter(m -> m.fitAt(now)).map(Member::instance).toList();
        return fit.isEmpty() ? all.stream().map(Member::instance).toList() : fit;
    }

    /** Every configured instance of a service. */
    public List<ServiceInstance> all(String serviceId) {
        return members.getOrDefault(serviceId, List.of()).stream().map(Member::instance).toList();
    }

    /** A call to {@code instance} could not connect: leave it out until a probe finds it ready. */
    public void unreachable(ServiceInstance instance) {
        members.getOrDefault(instance.getServiceId(), List.of()).stream()
                .filter(m -> m.instance().getInstanceId().equals(instance.getInstanceId())).findFirst()
                .ifPresent(m -> {
                    if (m.fit) {
                        log.warn("{} at {} refused a connection: left out until it is ready again",
                                instance.getServiceId(), instance.getUri());
                    }
                    m.fit = false;
                });
    }

    private void probeAll() {
        members.values().stream().filter(list -> list.size() > 1).flatMap(List::stream).forEach(this::probe);
    }

    private void probe(Member member) {
        client.get().uri(member.instance().getUri().resolve(probePath)).retrieve().toBodilessEntity()
                .timeout(interval)
                .map(response -> response.getStatusCode().is2xxSuccessful())
                .onErrorReturn(false)
                .subscribe(ready -> {
                    if (ready != member.fit) {
                        log.info("{} at {} is {}", member.instance().getServiceId(), member.instance().getUri(),
                                ready ? "ready: taking calls" : "not ready: left out");
                    }
                    member.fit = ready;
                });
    }

    @Override
    public void afterPropertiesSet() {
        if (members.values().stream().anyMatch(list -> list.size() > 1)) {
            prober = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "instance-prober");
                t.setDaemon(true);
                return t;
            });
            prober.scheduleWithFixedDelay(this::probeAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        if (prober != null) {
            prober.shutdownNow();
        }
    }

    /** One instance and whether it takes calls. */
    private static final class Member {
        private final ServiceInstance instance;
        private volatile boolean fit = true;

        Member(ServiceInstance instance) {
            this.instance = instance;
        }

        ServiceInstance instance() {
            return instance;
        }

        boolean fitAt(Instant now) {
            return fit;
        }
    }
}
