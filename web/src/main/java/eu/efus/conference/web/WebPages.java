package eu.efus.conference.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import eu.efus.conference.web.EventCatalog.CatalogUnavailable;
import eu.efus.conference.web.EventCatalog.EventDetail;
import eu.efus.conference.web.PageRenderer.Audience;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The public pages at their extension-less addresses (the emailed links point at {@code /manage} and
 * {@code /accreditation}; the event pages live under {@code /events/{code}}). The events list, the event page and the
 * press page's list of events are written on the server from registration-service's catalogue, so they read and
 * link without JavaScript; the forms and private-link pages get their live parts from their scripts.
 */
public class WebPages {

    private final PageRenderer pages;
    private final EventCatalog catalog;

    public WebPages(PageRenderer pages, EventCatalog catalog) {
        this.pages = pages;
        this.catalog = catalog;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(GET("/"), this::index)
                .andRoute(GET("/events/{code}"), this::event)
                .andRoute(GET("/events/{code}/register"), this::register)
                .andRoute(GET("/events/{code}/registered"), request -> simple(request, "registered"))
                .andRoute(GET("/press"), this::pressEvents)
                .andRoute(GET("/events/{code}/press").or(GET("/press/{code}")), this::press)
                .andRoute(GET("/manage"), request -> simple(request, "manage"))
                .andRoute(GET("/accreditation"), request -> simple(request, "accreditation"))
                .andRoute(GET("/privacy"), request -> simple(request, "privacy"));
    }

    private static List<String> namespaces(String page) {
        return List.of("common", page);
    }

    private Mono<ServerResponse> simple(ServerRequest request, String page) {
        return pages.render(request, page, Audience.PUBLIC, namespaces(page), Map.of());
    }

    private Mono<ServerResponse> index(ServerRequest request) {
        Locale locale = PageRenderer.locale(request.exchange());
        return catalog.events()
                .flatMap(events -> pages.render(request, "index", Audience.PUBLIC, namespaces("index"), Map.of(
                        "events", cards(events, locale), "unavailable", false)))
                .onErrorResume(CatalogUnavailable.class, e -> pages.render(request, HttpStatus.SERVICE_UNAVAILABLE,
                        "index", Audience.PUBLIC, namespaces("index"), Map.of("events", List.of(), "unavailable", true)));
    }

    private Mono<ServerResponse> event(ServerRequest request) {
        Locale locale = PageRenderer.locale(request.exchange());
        String code = request.pathVariable("code");
        return catalog.event(code)
                .flatMap(found -> found
                        .map(event -> pages.render(request, "event", Audience.PUBLIC, namespaces("event"),
                                Map.of("event", new Programme(pages.texts(), locale).page(event), "code", code)))
                        .orElseGet(() -> pages.render(request, HttpStatus.NOT_FOUND, "event", Audience.PUBLIC,
                                namespaces("event"), Map.of("notFound", true, "code", code))))
                .onErrorResume(CatalogUnavailable.class, e -> pages.render(request, HttpStatus.SERVICE_UNAVAILABLE,
                        "event", Audience.PUBLIC, namespaces("event"), Map.of("unavailable", true, "code", code)));
    }

    /** The form, with the reference lists and, per session, the sessions it overlaps (none when the catalogue is down). */
    private Mono<ServerResponse> register(ServerRequest request) {
        Locale locale = PageRenderer.locale(request.exchange());
        String code = request.pathVariable("code");
        return catalog.event(code)
                .onErrorResume(CatalogUnavailable.class, e -> Mono.just(Optional.empty()))
                .flatMap(found -> pages.render(request, "register", Audience.PUBLIC, namespaces("register"), Map.of(
                        "categories", pages.lists().categories(locale),
                        "countries", pages.lists().countries(locale),
                        "overlaps", Json.object(found.map(EventDetail::sessions)
                                .map(sessions -> Programme.overlaps(sessions == null ? List.of() : sessions))
                                .orElse(Map.of())))));
    }

    /** The events of the catalogue as the lists show them, soonest first. */
    private List<Programme.EventCard> cards(List<EventCatalog.EventSummary> events, Locale locale) {
        Programme programme = new Programme(pages.texts(), locale);
        return events.stream()
                .sorted(java.util.Comparator.comparing(e -> String.valueOf(Programme.instant(e.startsAt()))))
                .map(programme::card)
                .toList();
    }

    /**
     * {@code /press}: the events a journalist may ask to cover, written on the server (a link to the request form of
     * each event whose requests are open), so that the choice works without JavaScript.
     */
    private Mono<ServerResponse> pressEvents(ServerRequest request) {
        Locale locale = PageRenderer.locale(request.exchange());
        return catalog.events()
                .flatMap(events -> pages.render(request, "press", Audience.PUBLIC, namespaces("press"), Map.of(
                        "chooser", true, "events", cards(events, locale), "unavailable", false)))
                .onErrorResume(CatalogUnavailable.class, e -> pages.render(request, HttpStatus.SERVICE_UNAVAILABLE,
                        "press", Audience.PUBLIC, namespaces("press"),
                        Map.of("chooser", true, "events", List.of(), "unavailable", true)));
    }

    /** The request form of one event; its script reads the event and tells an unknown or closed one. */
    private Mono<ServerResponse> press(ServerRequest request) {
        Locale locale = PageRenderer.locale(request.exchange());
        return pages.render(request, "press", Audience.PUBLIC, namespaces("press"), Map.of(
                "chooser", false,
                "mediaTypes", pages.lists().mediaTypes(locale),
                "countries", pages.lists().countries(locale)));
    }
}
