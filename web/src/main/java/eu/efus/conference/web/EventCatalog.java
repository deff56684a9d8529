package eu.efus.conference.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * The public catalogue of registration-service ({@code GET /api/events}, {@code GET /api/events/{code}}), read by
 * the pages that show events on the server. Calls go through the gateway's load balancer ({@code lb://}) with a
 * short timeout: a page waits a moment for the programme, never long. An unknown event is an empty result; a
 * service that does not answer is a {@link CatalogUnavailable}.
 */
public class EventCatalog {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventCatalog.class);

    /** The registration-service's catalogue did not answer in time, or answered with an error. */
    public static class CatalogUnavailable extends RuntimeException {
        CatalogUnavailable(String message, Throwable cause) {
            super(message, cause);
            log.warn("registration-service's catalogue did not answer for the {}: {}", message, cause.toString());
        }
    }

    /** An entry of {@code GET /api/events}. */
    public record EventSummary(String code, String kind, Map<String, String> title, String city, String country,
            String startsAt, String endsAt, String timezone, List<String> languages, Boolean registrationOpen,
            Integer capacity, Integer seatsLeft) {

        public boolean open() {
            return Boolean.TRUE.equals(registrationOpen);
        }
    }

    /** {@code GET /api/events/{code}}. */
    public record EventDetail(String code, String kind, Map<String, String> title, String venue, String city,
            String country, String startsAt, String endsAt, String timezone, List<String> languages,
            Boolean registrationOpen, String registrationOpensAt, String registrationClosesAt, Integer capacity,
            Integer seatsLeft, Integer waitlistLength, List<Session> sessions) {

        public boolean open() {
            return Boolean.TRUE.equals(registrationOpen);
        }
    }

    /** A session of the programme. */
    public record Session(String code, String kind, Map<String, String> title, String startsAt, String endsAt,
            String language, Integer capacity, Integer seatsLeft, Integer waitlistLength) {
    }

    private final WebClient client;
    private final Duration timeout;

    /**
     * {@code baseUrl}: {@code lb://<service>} to go through {@code balancer} (which picks an instance and keeps the
     * scheme of the address it is given, hence plain http for it), or a plain URL.
     */
    public EventCatalog(String baseUrl, ExchangeFilterFunction balancer, Duration timeout) {
        boolean balanced = baseUrl.startsWith("lb://") && balancer != null;
        WebClient.Builder builder = WebClient.builder()
                .baseUrl(balanced ? "http://" + baseUrl.substring("lb://".length()) : baseUrl);
        if (balanced) {
            builder.filter(balancer);
        }
        this.client = builder.build();
        this.timeout = timeout;
    }

    public Mono<List<EventSummary>> events() {
        return client.get().uri("/api/events").accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToFlux(EventSummary.class)
                .collectList()
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof CatalogUnavailable), e -> new CatalogUnavailable("events list", e));
    }

    public Mono<Optional<EventDetail>> event(String code) {
        return client.get().uri("/api/events/{code}", code).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(EventDetail.class)
                .map(Optional::of)
                .onErrorResume(WebClientResponseException.class, e -> e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(404))
                        ? Mono.just(Optional.empty()) : Mono.error(e))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof CatalogUnavailable), e -> new CatalogUnavailable("event " + code, e));
    }
}
