package eu.efus.conference.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The language switch without JavaScript: a page address with {@code ?lang=fr} (or {@code en}) stores the choice in
 * the {@code lang} cookie and answers 303 to the same address without the parameter, so the address people share or
 * bookmark carries no language. The browser keeps the #fragment of the link across the redirect (private links).
 * The API is left alone.
 */
public class LanguageSwitchFilter implements WebFilter, Ordered {

    /** Before the security filters: the switch works on the sign-in page and on pages one may not open. */
    public static final int ORDER = -200;

    private final Languages languages;

    public LanguageSwitchFilter(Languages languages) {
        this.languages = languages;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String asked = request.getQueryParams().getFirst("lang");
        if (asked == null || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
                || isApi(request.getPath().value())) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        String language = Languages.supported(asked) != null ? Languages.supported(asked).getLanguage() : null;
        if (language != null) {
            response.addCookie(languages.cookie(language));
        }
        // One leading slash: "//host/..." in a Location header would send the visitor to another site.
        URI target = UriComponentsBuilder.fromPath(request.getPath().value().replaceFirst("^/+", "/"))
                .query(request.getURI().getRawQuery())
                .replaceQueryParam("lang")
                .build(true)
                .toUri();
        response.setStatusCode(HttpStatus.SEE_OTHER);
        response.getHeaders().setLocation(target);
        response.getHeaders().setCacheControl("no-store");
        return response.setComplete();
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v3/") || path.startsWith("/actuator");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
