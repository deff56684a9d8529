package eu.efus.conference.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;

/**
 * One INFO line per request: method, path, status, duration. Deliberately no query string, headers or
 * body, which can carry manage tokens, credentials and personal data. Wraps the whole handler so the
 * status is the final one, including errors answered by the exception handlers.
 */
@Configuration(proxyBeanMethods = false)
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("eu.efus.conference.gateway.access");

    @Bean
    HttpHandlerDecoratorFactory accessLogDecorator() {
        return handler -> (request, response) -> {
            String path = request.getPath().value();
            if (path.startsWith("/actuator/")) {
                return handler.handle(request, response); // probes poll every second: not worth a line each
            }
            long start = System.nanoTime();
            return handler.handle(request, response).doFinally(signal -> {
                HttpStatusCode status = response.getStatusCode();
                log.info("{} {} {} {}ms", request.getMethod(), path, status != null ? status.value() : "-",
                        (System.nanoTime() - start) / 1_000_000);
            });
        };
    }
}
