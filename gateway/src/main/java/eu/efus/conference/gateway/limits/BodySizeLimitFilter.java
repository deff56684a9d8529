package eu.efus.conference.gateway.limits;

import java.util.Optional;

import eu.efus.conference.gateway.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies over the configured size with 413 before anything is forwarded. A declared
 * Content-Length is checked up front; a chunked body is read (up to the limit) before routing,
 * so an oversized one never reaches a service even partially.
 */
public class BodySizeLimitFilter implements WebFilter, Ordered {

    private final int maxBytes;
    private final String detail;

    public BodySizeLimitFilter(DataSize maxBodySize) {
        this.maxBytes = Math.toIntExact(maxBodySize.toBytes());
        this.detail = "The request body exceeds the limit of " + maxBytes + " bytes (" + maxBodySize.toKilobytes() + " KB).";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange);
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(BodySizeLimitFilter::toBytes)
                .defaultIfEmpty(new byte[0])
                .map(Optional::of)
                .onErrorReturn(DataBufferLimitException.class, Optional.empty())
                .flatMap(body -> body.isPresent()
                        ? chain.filter(exchange.mutate().request(withBody(exchange, body.get())).build())
                        : tooLarge(exchange));
    }

    @Override
    public int getOrder() {
        // First of our filters, ahead of Spring Security (-100), so an oversized body costs no password check.
        return -300;
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return Problems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "Content too large", detail);
    }

    private static byte[] toBytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The request with its (now bounded and known) body, re-announced with a Content-Length. */
    private static ServerHttpRequest withBody(ServerWebExchange exchange, byte[] body) {
        DataBufferFactory buffers = exchange.getResponse().bufferFactory();
        ServerHttpRequest sized = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(body.length);
        }).build();
        return new ServerHttpRequestDecorator(sized) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(buffers.wrap(body)));
            }
        };
    }
}
