package eu.efus.conference.gateway.web;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * Extension-less addresses for the pages in {@code static/} (the emailed links point at {@code /manage} and
 * {@code /accreditation}; the public pages live under {@code /events/{code}}, {@code /press} and {@code /privacy}).
 */
@Configuration(proxyBeanMethods = false)
public class WebPages {

    @Bean
    RouterFunction<ServerResponse> pages() {
        return RouterFunctions.route(GET("/"), request -> page("static/index.html"))
                .andRoute(GET("/manage"), request -> page("static/manage.html"))
                .andRoute(GET("/accreditation"), request -> page("static/accreditation.html"))
                // Public pages: the event code in the address is read by the page's script, which asks the API.
                .andRoute(GET("/events/{code}"), request -> page("static/event.html"))
                .andRoute(GET("/events/{code}/register"), request -> page("static/register.html"))
                .andRoute(GET("/events/{code}/registered"), request -> page("static/registered.html"))
                .andRoute(GET("/events/{code}/press").or(GET("/press/{code}")).or(GET("/press")),
                        request -> page("static/press.html"))
                .andRoute(GET("/privacy"), request -> page("static/privacy.html"));
    }

    private static Mono<ServerResponse> page(String location) {
        Resource html = new ClassPathResource(location);
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                // Always revalidate: a stale page after a deployment could call an API that moved on.
                .cacheControl(CacheControl.noCache())
                .bodyValue(html);
    }
}
