package eu.efus.conference.gateway.problem;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details for the errors the gateway itself produces. */
public final class Problems {

    /** The problem document; field order is the order clients see. */
    public record Problem(String type, String title, int status, String detail) {
    }

    private static final JsonMapper JSON = JsonMapper.shared();

    private Problems() {
    }

    /** The serialized problem, for handlers that build their own response. */
    public static byte[] json(HttpStatus status, String title, String detail) {
        return JSON.writeValueAsString(new Problem("about:blank", title, status.value(), detail))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Sets status and content type and writes the body; callers add extra headers before. */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String detail) {
        byte[] body = json(status, title, detail);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
