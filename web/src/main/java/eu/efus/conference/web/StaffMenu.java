package eu.efus.conference.web;

import java.util.List;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The staff pages the signed-in member of a request may open, for the menu of the staff header. The host decides
 * (the gateway, from the roles its security rules give each page); the web module only draws the links, so a page
 * never offers a link its reader would be refused. Nobody signed in: no page.
 */
@FunctionalInterface
public interface StaffMenu {

    /** No staff page: for a host without staff sign-in. */
    StaffMenu NONE = exchange -> Mono.just(List.of());

    /** The paths of the staff pages (among {@link StaffWebPages}' own) this request's member may open, in menu order. */
    Mono<List<String>> pagesFor(ServerWebExchange exchange);
}
