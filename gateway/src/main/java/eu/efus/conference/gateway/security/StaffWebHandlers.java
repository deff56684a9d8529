package eu.efus.conference.gateway.security;

import java.net.URI;
import java.util.Set;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refusals on the staff web pages, told apart by what the caller accepts: a browser asking for a page is sent to
 * the sign-in form (no session) or shown the "not for your role" page (403, written by the web module in the
 * visitor's language); anything else (a script, a fetch) gets the same problem+json as the API, without a Basic
 * challenge since pages do not take Basic credentials.
 */
public class StaffWebHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemSecurityHandlers problems = new ProblemSecurityHandlers(false);
    private final MediaTypeServerWebExchangeMatcher html;
    private final Function<ServerWebExchange, Mono<Void>> forbiddenPage;

    /** {@code forbiddenPage} writes the "not for your role" page with its 403 status. */
    public StaffWebHandlers(Function<ServerWebExchange, Mono<Void>> forbiddenPage) {
        html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        this.forbiddenPage = forbiddenPage;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        return html.matches(exchange).flatMap(match -> match.isMatch()
                ? redirect(exchange.getResponse(), HttpStatus.FOUND, StaffPaths.LOGIN)
                : problems.commence(exchange, ex));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        if (denied instanceof CsrfException && exchange.getRequest().getMethod() == HttpMethod.POST
                && StaffPaths.LOGIN.equals(exchange.getRequest().getPath().value())) {
            // The form's token is missing or stale (cookies cleared, page kept open across a restart): a fresh form.
            return redirect(exchange.getResponse(), HttpStatus.SEE_OTHER, StaffPaths.LOGIN_EXPIRED);
        }
        return html.matches(exchange).flatMap(match -> match.isMatch()
                ? forbiddenPage(exchange)
                : problems.handle(exchange, denied));
    }

    private Mono<Void> forbiddenPage(ServerWebExchange exchange) {
        // The page offers "sign out", a POST that needs the CSRF cookie: make sure it comes with the page.
        Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return token.then(Mono.defer(() -> {
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            return forbiddenPage.apply(exchange);
        }));
    }

    private static Mono<Void> redirect(ServerHttpResponse response, HttpStatus status, String location) {
        response.setStatusCode(status);
        response.getHeaders().setLocation(URI.create(location));
        return response.setComplete();
    }
}
