package eu.efus.conference.gateway.problem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

/** The circuit breakers' fallback target: a downstream service that is down or too slow becomes a quick 503. */
@Configuration(proxyBeanMethods = false)
public class FallbackRoutes {

    @Bean
    RouterFunction<ServerResponse> fallbackRoute() {
        // Any method: the circuit breaker forwards the original request (POST, DELETE…) here.
        return RouterFunctions.route(path("/fallback/{service}"), request -> {
            String service = request.pathVariable("service");
            if (!service.matches("[a-z][a-z-]{0,40}")) {
                service = "the service";
            }
            byte[] body = Problems.json(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    service + " is not reachable right now, please retry shortly");
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .bodyValue(body);
        });
    }
}
