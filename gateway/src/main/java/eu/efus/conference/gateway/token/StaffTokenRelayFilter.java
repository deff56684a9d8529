package eu.efus.conference.gateway.token;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Replaces whatever identity the caller sent with the gateway's own: incoming {@code Authorization}, cookies
 * and staff-identity-like headers are dropped, and an authenticated staff member's identity (HTTP Basic or a
 * signed-in page's session) is added as {@code Authorization: Bearer <signed JWT>}. Services trust nothing else.
 */
public class StaffTokenRelayFilter implements GlobalFilter, Ordered {

    /** Header name prefixes a client could use to pretend to be someone; none is legitimate from outside. */
    private static final List<String> SPOOFABLE_PREFIXES = List.of("x-staff", "x-auth", "x-remote-user", "x-forwarded-user");

    private static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private final StaffTokenIssuer issuer;

    public StaffTokenRelayFilter(StaffTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(StaffTokenRelayFilter::isStaff)
                .map(auth -> Optional.of(issuer.issue(auth.getName(), roles(auth))))
                .defaultIfEmpty(Optional.empty())
                .flatMap(token -> chain.filter(exchange.mutate()
                        .request(request -> request.headers(headers -> {
                            stripIdentityHeaders(headers);
                            token.ifPresent(headers::setBearerAuth);
                        }))
                        .build()));
    }

    private static boolean isStaff(Authentication auth) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private static List<String> roles(Authentication auth) {
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .toList();
    }

    static void stripIdentityHeaders(HttpHeaders headers) {
        headers.remove(HttpHeaders.AUTHORIZATION);
        // The staff session and CSRF cookies prove who is signed in to the gateway, and are of no use to a service.
        headers.remove(HttpHeaders.COOKIE);
        headers.remove(CSRF_HEADER);
        List<String> spoofable = headers.headerNames().stream()
                .filter(name -> SPOOFABLE_PREFIXES.stream().anyMatch(name.toLowerCase(Locale.ROOT)::startsWith))
                .toList();
        spoofable.forEach(headers::remove);
    }

    @Override
    public int getOrder() {
        // Early among the global filters, so every routed request (and any later filter) sees the cleaned headers.
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
