package eu.efus.conference.web;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
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

    private final PageTexts texts;
    private final ReferenceLists lists;

    public PageRenderer(PageTexts texts, ReferenceLists lists) {
        this.texts = texts;
        this.lists = lists;
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
        return ServerResponse.status(status)
                .contentType(HTML)
                // Public pages revalidate (a stale page could call an API that moved on); staff pages are never
                // kept: after signing out, "back" must not show one from the cache.
                .cacheControl(audience == Audience.STAFF ? CacheControl.noStore() : CacheControl.noCache())
                .render(template, model);
    }

    public Mono<ServerResponse> render(ServerRequest request, String template, Audience audience,
            List<String> namespaces, Map<String, ?> extra) {
        return render(request, HttpStatus.OK, template, audience, namespaces, extra);
    }
}
