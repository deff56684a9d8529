package eu.efus.conference.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.efus.conference.web.PageRenderer.Audience;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The staff pages (sign-in, press desk, organiser dashboard, check-in desk, "not for your role"), in the same layout as the public
 * pages with the staff header. Who may open which page is decided by the gateway's security rules, not here.
 */
public class StaffWebPages {

    public static final String LOGIN = "/staff/login";
    public static final String PRESS_DESK = "/staff/press";
    public static final String ORGANIZER_DASHBOARD = "/staff/organizer";
    public static final String CHECK_IN_DESK = "/staff/checkin";
    public static final String FORBIDDEN = "/staff/forbidden.html";

    private final PageRenderer pages;
    private final List<ViewResolver> viewResolvers;

    public StaffWebPages(PageRenderer pages, List<ViewResolver> viewResolvers) {
        this.pages = pages;
        this.viewResolvers = viewResolvers;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(GET(LOGIN), request -> page(request, "staff/login", "staffLogin", Map.of("loginPage", true)))
                .andRoute(GET(PRESS_DESK), this::pressDesk)
                .andRoute(GET(ORGANIZER_DASHBOARD), this::organizer)
                .andRoute(GET(CHECK_IN_DESK), this::checkIn)
                .andRoute(GET(FORBIDDEN).or(GET("/staff/forbidden")),
                        request -> page(request, "staff/forbidden", "staffForbidden", Map.of()));
    }

    /** The desk names each journalist's type of media with the labels of the press form. */
    private Mono<ServerResponse> pressDesk(ServerRequest request) {
        Locale locale = PageRenderer.locale(request.exchange());
        return page(request, "staff/press", "staffPress", Map.of(
                "referenceLists", Json.object(Map.of("mediaTypes", pairs(pages.lists().mediaTypes(locale))))));
    }

    /** The dashboard names kinds and categories with the labels of the public pages and forms, PRESS included. */
    private Mono<ServerResponse> organizer(ServerRequest request) {
        Locale locale = PageRenderer.locale(request.exchange());
        ReferenceLists lists = pages.lists();
        return page(request, "staff/organizer", "staffOrganizer", Map.of(
                "eventKinds", lists.eventKinds(locale),
                "referenceLists", Json.object(Map.of(
                        "eventKinds", pairs(lists.eventKinds(locale)),
                        "sessionKinds", pairs(lists.sessionKinds(locale)),
                        "categories", pairs(lists.attendeeCategories(locale))))));
    }

    /** The desk names each person's category in the page's language, from the same list as the forms. */
    private Mono<ServerResponse> checkIn(ServerRequest request) {
        Locale locale = PageRenderer.locale(request.exchange());
        return page(request, "staff/checkin", "staffCheckin", Map.of(
                "referenceLists", Json.object(Map.of(
                        "categories", pairs(pages.lists().attendeeCategories(locale)),
                        "sessionKinds", pairs(pages.lists().sessionKinds(locale))))));
    }

    /** A list as the scripts read it: {@code [value, label]} pairs, in the list's order. */
    private static List<List<String>> pairs(List<ReferenceLists.Option> options) {
        return options.stream().map(o -> List.of(o.value(), o.label())).toList();
    }

    private Mono<ServerResponse> page(ServerRequest request, String template, String namespace, Map<String, ?> extra) {
        return pages.render(request, template, Audience.STAFF, List.of("staff", namespace), extra);
    }

    /** Writes the "not for your role" page with status 403, for the security rules' refusals of a page. */
    public Mono<Void> writeForbidden(ServerWebExchange exchange) {
        ServerRequest request = ServerRequest.create(exchange, HandlerStrategies.withDefaults().messageReaders());
        return pages.render(request, HttpStatus.FORBIDDEN, "staff/forbidden", Audience.STAFF,
                        List.of("staff", "staffForbidden"), Map.of())
                .flatMap(response -> response.writeTo(exchange, new ServerResponse.Context() {
                    @Override
                    public List<org.springframework.http.codec.HttpMessageWriter<?>> messageWriters() {
                        return HandlerStrategies.withDefaults().messageWriters();
                    }

                    @Override
                    public List<ViewResolver> viewResolvers() {
                        return viewResolvers;
                    }
                }));
    }
}
