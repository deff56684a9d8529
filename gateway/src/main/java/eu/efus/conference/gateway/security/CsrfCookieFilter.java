package eu.efus.conference.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Makes sure a staff page arrives with its CSRF cookie: Spring Security only creates the token when something asks
 * for it, and the static pages never do, so this asks on every page load under {@code /staff/}. The pages' scripts
 * read the cookie and send it back (header {@code X-XSRF-TOKEN}, or the form field {@code _csrf}). Public pages get
 * no such cookie.
 */
public class CsrfCookieFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET || !exchange.getRequest().getPath().value().startsWith("/staff")) {
            return chain.filter(exchange);
        }
        Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return token.then(chain.filter(exchange));
    }
}
