package eu.efus.conference.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every exception that reaches the top (no route, no static resource, unexpected failure)
 * into problem+json. Ordered before Boot's default handler, which would answer plain JSON.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        HttpHeaders extraHeaders = HttpHeaders.EMPTY;
        if (ex instanceof ResponseStatusException rse && HttpStatus.resolve(rse.getStatusCode().value()) != null) {
            status = HttpStatus.resolve(rse.getStatusCode().value());
            extraHeaders = rse.getHeaders(); // e.g. Allow on 405
        }
        if (status.is5xxServerError()) {
            // Method and path only: the query string and headers may carry tokens.
            log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), ex);
        }
        // Headers set by an earlier step (e.g. a downstream Content-Type) must not leak into the problem.
        exchange.getResponse().getHeaders().clear();
        exchange.getResponse().getHeaders().addAll(extraHeaders);
        return Problems.write(exchange.getResponse(), status, title(status), detail(status));
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case INTERNAL_SERVER_ERROR -> "Internal error";
            default -> status.getReasonPhrase();
        };
    }

    // Generic details on purpose: exception messages can echo user input or internals.
    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is no resource at this address.";
            case METHOD_NOT_ALLOWED -> "This method is not supported at this address.";
            case INTERNAL_SERVER_ERROR -> "An unexpected error occurred. Please retry later.";
            default -> status.is4xxClientError() ? "The request could not be processed." : "Please retry later.";
        };
    }
}
