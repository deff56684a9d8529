package eu.efus.conference.web;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Renders a page template with what the layout needs: the visitor's language, the texts the page's scripts use
 * (as JSON), the language switch links and the current menu entry.
 */
public class PageRenderer {

    /** Which header and footer the layout draws. */
    public enum Audience { PUBLIC, STAFF }

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** The staff menu's entries: page path and the key of its label, in the order shown. */
    private static final Map<String, String> STAFF_MENU_LABELS = Map.of(
            StaffWebPages.ORGANIZER_DASHBOARD, "staff.menu.organizer",
            StaffWebPages.PRESS_DESK, "staff.menu.press",
            StaffWebPages.CHECK_IN_DESK, "staff.menu.checkin");

    /** A link of the staff menu, {@code current} on its own page. */
    public record MenuEntry(String path, String label, boolean current) {
    }

    private final PageTexts texts;
    private final ReferenceLists lists;
    private final StaffMenu staffMenu;

    public PageRenderer(PageTexts texts, ReferenceLists lists) {
        this(texts, lists, StaffMenu.NONE);
    }

    public PageRenderer(PageTexts texts, ReferenceLists lists, StaffMenu staffMenu) {
        this.texts = texts;
        this.lists = lists;
        this.staffMenu = staffMenu;
    }

    public PageTexts texts() {
        return texts;
    }

    public ReferenceLists lists() {
        return lists;
    }

    public static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale != null && Languages.supported(locale.getLanguage()) != null
                ? Languages.supported(locale.getLanguage()) : Languages.SUPPORTED.get(0);
    }

    /** The model every page gets; {@code namespaces}: the text namespaces of its scripts, the page's own last. */
    public Map<String, Object> model(ServerWebExchange exchange, Audience audience, List<String> namespaces) {
        Locale locale = locale(exchange);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", locale.getLanguage());
        model.put("staff", audience == Audience.STAFF);
        model.put("pageTexts", texts.json(locale, namespaces));
        model.put("ns", namespaces.get(namespaces.size() - 1));
        Map<String, String> switchLinks = new LinkedHashMap<>();
        for (Locale language : Languages.SUPPORTED) {
            switchLinks.put(language.getLanguage(), UriComponentsBuilder.fromPath(exchange.getRequest().getPath().value())
                    .query(exchange.getRequest().getURI().getRawQuery())
                    .replaceQueryParam("lang", language.getLanguage())
                    .build(true).toUriString());
        }
        model.put("langSwitch", switchLinks);
        String path = exchange.getRequest().getPath().value();
        model.put("nav", path.equals("/press") || path.startsWith("/press/") || path.matches("/events/[^/]+/press")
                ? "press" : path.equals("/") || path.startsWith("/events/") ? "events" : "");
        model.put("path", path);
        return model;
    }

    public Mono<ServerResponse> render(ServerRequest request, HttpStatusCode status, String template,
            Audience audience, List<String> namespaces, Map<String, ?> extra) {
        Map<String, Object> model = model(request.exchange(), audience, namespaces);
        model.putAll(extra);
        Mono<List<MenuEntry>> menu = audience == Audience.STAFF
                ? staffMenu(request.exchange(), PageRenderer.locale(request.exchange()))
                : Mono.just(List.of());
        return menu.flatMap(entries -> {
            model.put("staffMenu", entries);
            return ServerResponse.status(status)
                    .contentType(HTML)
                    // Public pages revalidate (a stale page could call an API that moved on); staff pages are never
                    // kept: after signing out, "back" must not show one from the cache.
                    .cacheControl(audience == Audience.STAFF ? CacheControl.noStore() : CacheControl.noCache())
                    // The same address is written in the language of the lang cookie, else of Accept-Language (and
                    // staff pages follow the session cookie): a shared cache must not give one visitor's page to another.
                    .varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE)
                    .render(template, model);
        });
    }

    /** The staff pages the signed-in member may open, labelled in the page's language (none for a visitor). */
    private Mono<List<MenuEntry>> staffMenu(ServerWebExchange exchange, Locale locale) {
        String path = exchange.getRequest().getPath().value();
        return staffMenu.pagesFor(exchange)
                .defaultIfEmpty(List.of())
                .map(pages -> pages.stream()
                        .filter(STAFF_MENU_LABELS::containsKey)
                        .map(page -> new MenuEntry(page, texts.text(locale, STAFF_MENU_LABELS.get(page)),
                                path.equals(page) || path.equals(page + ".html")))
                        .toList());
    }

    public Mono<ServerResponse> render(ServerRequest request, String template, Audience audience,
            List<String> namespaces, Map<String, ?> extra) {
        return render(request, HttpStatus.OK, template, audience, namespaces, extra);
    }
}
