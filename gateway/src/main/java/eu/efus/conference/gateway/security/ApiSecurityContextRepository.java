package eu.efus.conference.gateway.security;

import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who calls {@code /api/**}: a script with HTTP Basic (stateless, the session is never looked at, never created), or
 * a staff page of a signed-in browser (its session, read only). A signed-in browser's writes carry the staff
 * identity only on staff paths, where they also need the CSRF token ({@link #SESSION_STAFF_WRITES}); its writes on
 * public paths (a staff member trying the registration form) go out anonymous, like anybody's.
 */
public class ApiSecurityContextRepository implements ServerSecurityContextRepository {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    /** The writes that need a CSRF token: staff paths, no Authorization header, and a signed-in session. */
    public static final ServerWebExchangeMatcher SESSION_STAFF_WRITES = exchange -> {
        if (usesCredentialsHeader(exchange) || SAFE.contains(exchange.getRequest().getMethod())) {
            return ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        return StaffRoles.STAFF_PATHS.matches(exchange)
                .filter(ServerWebExchangeMatcher.MatchResult::isMatch)
                .flatMap(staffPath -> exchange.getSession())
                .filter(session -> session.getAttribute(
                        WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME) != null)
                .flatMap(session -> ServerWebExchangeMatcher.MatchResult.match())
                .switchIfEmpty(ServerWebExchangeMatcher.MatchResult.notMatch());
    };

    private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return Mono.empty(); // signing in happens on the sign-in form, never through the API
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        if (usesCredentialsHeader(exchange)) {
            return Mono.empty(); // HTTP Basic authenticates this request on its own
        }
        if (SAFE.contains(exchange.getRequest().getMethod())) {
            return sessions.load(exchange);
        }
        return StaffRoles.STAFF_PATHS.matches(exchange)
                .flatMap(staffPath -> staffPath.isMatch() ? sessions.load(exchange) : Mono.empty());
    }

    private static boolean usesCredentialsHeader(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    }
}
