package eu.efus.conference.gateway.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import eu.efus.conference.gateway.security.StaffPaths;
import eu.efus.conference.web.StaffMenu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * Small helpers of the staff pages (the pages themselves are in the web module): {@code /staff} sends a signed-in
 * member to the page of their role, {@code /staff/me} says who is signed in, and the staff menu lists the pages the
 * member may open. All follow the security rules of StaffSecurityConfig, whose roles they read.
 */
@Configuration(proxyBeanMethods = false)
public class StaffPages {

    @Bean
    RouterFunction<ServerResponse> staffPageRoutes() {
        return RouterFunctions.route(GET("/staff"), StaffPages::landing)
                .andRoute(GET("/staff/me"), StaffPages::me);
    }

    /** The staff menu of the pages' header: the pages the signed-in member's roles open (none for a visitor). */
    @Bean
    StaffMenu staffMenu() {
        return exchange -> exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .cast(Authentication.class)
                .map(StaffPaths::pagesFor)
                .defaultIfEmpty(List.of());
    }

    private static Mono<ServerResponse> landing(ServerRequest request) {
        return authentication(request)
                .map(auth -> Objects.requireNonNullElse(StaffPaths.landingPage(auth), StaffPaths.FORBIDDEN_PAGE))
                .defaultIfEmpty(StaffPaths.LOGIN)
                .flatMap(target -> ServerResponse.seeOther(URI.create(target)).build());
    }

    /**
     * {@code {username, roles}} of the signed-in staff member, for the pages' header; 204 when nobody is signed in
     * (the sign-in page asks, and an expected answer should not show up as an error in the browser's console).
     */
    private static Mono<ServerResponse> me(ServerRequest request) {
        return authentication(request)
                .flatMap(auth -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noStore())
                        .bodyValue(Map.of("username", auth.getName(), "roles", roles(auth))))
                .switchIfEmpty(Mono.defer(() -> ServerResponse.noContent().cacheControl(CacheControl.noStore()).build()));
    }

    private static Mono<Authentication> authentication(ServerRequest request) {
        return request.principal().filter(Authentication.class::isInstance).cast(Authentication.class);
    }

    private static List<String> roles(Authentication auth) {
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .toList();
    }
}
