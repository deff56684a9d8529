package eu.efus.conference.gateway.balancing;

import java.net.URI;
import java.time.Duration;
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
 * run only for services with more than one instance: with one, there is nobody else to send the call to. A host
 * name in a route (Compose: the service's name) stands for all its current addresses, looked up again each round.
 */
public class ServiceInstances implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);
    /** Route key (as in {@code conference.routes.*}) → service id (as in {@code lb://…} and the route ids). */
    static final Map<String, String> SERVICES = Map.of("registration", "registration-service",
            "accreditation", "accreditation-service", "notification", "notification-service");

    /** Configured base URLs per service; a host name may stand for several instances (Compose replicas). */
    private final Map<String, List<URI>> configured = new LinkedHashMap<>();
    private final Map<String, List<Member>> members = new java.util.concurrent.ConcurrentHashMap<>();
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
            List<URI> uris = new ArrayList<>();
            for (String url : urls.split(",")) {
                if (!url.isBlank()) {
                    uris.add(URI.create(url.strip()));
                }
            }
            configured.put(serviceId, List.copyOf(uris));
            members.put(serviceId, resolve(serviceId, uris, List.of()));
        });
    }

    /**
     * One member per address: a URL whose host is a name (not {@code localhost}, not an address) stands for every
     * address the name has now, which is how Docker's DNS lists a scaled service's replicas. Known members keep their
     * state.
     */
    private static List<Member> resolve(String serviceId, List<URI> uris, List<Member> known) {
        List<Member> list = new ArrayList<>();
        for (URI uri : uris) {
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            boolean secure = "https".equals(uri.getScheme());
            for (String host : addresses(uri.getHost())) {
                String id = serviceId + "@" + host + ":" + port;
                list.add(known.stream().filter(m -> m.instance().getInstanceId().equals(id)).findFirst()
                        .orElseGet(() -> new Member(new DefaultServiceInstance(id, serviceId, host, port, secure))));
            }
        }
        return List.copyOf(list);
    }

    private static List<String> addresses(String host) {
        boolean literal = host.equals("localhost") || host.matches("[0-9.]+") || host.contains(":");
        if (literal) {
            return List.of(host);
        }
        try {
            List<String> all = java.util.Arrays.stream(java.net.InetAddress.getAllByName(host))
                    .map(java.net.InetAddress::getHostAddress).distinct().sorted().toList();
            return all.isEmpty() ? List.of(host) : all;
        } catch (java.net.UnknownHostException e) {
            return List.of(host); // not resolvable yet: calls fail as they would, and the next round looks again
        }
    }

    /** Looks up the names again: replicas come and go, and a restarted one may have a new address. */
    private void refresh() {
        configured.forEach((serviceId, uris) -> members.put(serviceId, resolve(serviceId, uris,
                members.getOrDefault(serviceId, List.of()))));
    }

    /**
     * The instances to balance over: the ready ones; when none is, those that at least did not cut a call off (a
     * probe can be slow on a busy machine; a refused or dropped connection is firmer evidence); else all of them (the
     * call then fails as it must).
     */
    public List<ServiceInstance> available(String serviceId) {
        List<Member> all = members.getOrDefault(serviceId, List.of());
        List<ServiceInstance> ready = all.stream().filter(m -> m.fit && !m.cutOff).map(Member::instance).toList();
        if (!ready.isEmpty()) {
            return ready;
        }
        List<ServiceInstance> notCutOff = all.stream().filter(m -> !m.cutOff).map(Member::instance).toList();
        return notCutOff.isEmpty() ? all.stream().map(Member::instance).toList() : notCutOff;
    }

    /** A call to {@code instance} was refused or cut off: leave it out until a probe finds it ready. */
    public void unreachable(ServiceInstance instance) {
        members.getOrDefault(instance.getServiceId(), List.of()).stream()
                .filter(m -> m.instance().getInstanceId().equals(instance.getInstanceId())).findFirst()
                .ifPresent(m -> {
                    if (!m.cutOff) {
                        log.warn("{} at {} refused or dropped a connection: left out until it is ready again",
                                instance.getServiceId(), instance.getUri());
                    }
                    m.cutOff = true;
                });
    }

    private void probeAll() {
        refresh();
        members.values().stream().filter(list -> list.size() > 1).flatMap(List::stream).forEach(this::probe);
    }

    private void probe(Member member) {
        client.get().uri(member.instance().getUri().resolve(probePath)).retrieve().toBodilessEntity()
                .timeout(interval.multipliedBy(2).compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2)
                        : interval.multipliedBy(2))
                .map(response -> response.getStatusCode().is2xxSuccessful())
                .onErrorReturn(false)
                .subscribe(ready -> {
                    // Two failed probes in a row before leaving an instance out: one slow answer on a busy
                    // machine is not a dead service. One good probe takes it back.
                    member.failedProbes = ready ? 0 : member.failedProbes + 1;
                    boolean fit = ready || (member.fit && member.failedProbes < 2);
                    if (fit != member.fit || (ready && member.cutOff)) {
                        log.info("{} at {} is {}", member.instance().getServiceId(), member.instance().getUri(),
                                fit ? "ready: taking calls" : "not ready: left out");
                    }
                    member.fit = fit;
                    if (ready) {
                        member.cutOff = false;
                    }
                });
    }

    @Override
    public void afterPropertiesSet() {
        boolean names = configured.values().stream().flatMap(List::stream)
                .anyMatch(uri -> !addresses(uri.getHost()).equals(List.of(uri.getHost())));
        if (names || members.values().stream().anyMatch(list -> list.size() > 1)) {
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
        private volatile boolean cutOff;
        private volatile int failedProbes;

        Member(ServiceInstance instance) {
            this.instance = instance;
        }

        ServiceInstance instance() {
            return instance;
        }

    }
}
