package eu.efus.conference.gateway.balancing;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.util.retry.Retry;

/**
 * Repeats a call that an instance cut off (refused or dropped connection) — only where that is safe: reads
 * ({@code GET}, {@code HEAD}) and the writes whose service honours an {@code Idempotency-Key} when they carry one (the
 * service answers a repeated key with the first result, or finishes the interrupted attempt): by default
 * {@code POST /api/events/{code}/registrations} and {@code POST /api/events/{code}/accreditations}. Any other write,
 * and these without a key, is never sent twice: a key on a write whose service ignores it protects nothing. Each
 * attempt goes through the load balancer again, so it reaches another instance. Not on a timeout: the call may still
 * be running where it was sent. The body (at most the gateway's body limit) is kept to be sent again.
 */
public class SafeRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<SafeRetryGatewayFilterFactory.Config> {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(SafeRetryGatewayFilterFactory.class);

    public SafeRetryGatewayFilterFactory() {
        super(Config.class);
    }

    /** The writes whose service honours an Idempotency-Key, as {@code "<METHOD> <path pattern>"}. */
    public static final List<String> KEYED_WRITES = List.of("POST /api/events/*/registrations",
            "POST /api/events/*/accreditations");

    /**
     * How many times to repeat, the pause before each repeat (doubling up to {@code maxBackoff}), and the writes that
     * may be repeated when they carry a key ({@code "<METHOD> <path pattern>"}, Spring path patterns).
     */
    public static class Config {
        private int retries = 2;
        private List<String> keyedWrites = KEYED_WRITES;
        private Duration firstBackoff = Duration.ofMillis(50);
        private Duration maxBackoff = Duration.ofMillis(500);

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        public Duration getFirstBackoff() {
            return firstBackoff;
        }

        public void setFirstBackoff(Duration firstBackoff) {
            this.firstBackoff = firstBackoff;
        }

        public List<String> getKeyedWrites() {
            return keyedWrites;
        }

        public void setKeyedWrites(List<String> keyedWrites) {
            this.keyedWrites = List.copyOf(keyedWrites);
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    @Override
    public GatewayFilter apply(Config config) {
        List<KeyedWrite> keyedWrites = config.getKeyedWrites().stream().map(KeyedWrite::parse).toList();
        return (exchange, chain) -> {
            if (!isSafeToRepeat(exchange.getRequest(), keyedWrites)) {
                return chain.filter(exchange);
            }
            Retry retry = Retry.backoff(config.getRetries(), config.getFirstBackoff()).maxBackoff(config.getMaxBackoff())
                    .filter(error -> cutOff(error) && !exchange.getResponse().isCommitted())
                    .doBeforeRetry(signal -> {
                        log.debug("{} {} cut off ({}); repeating (attempt {})", exchange.getRequest().getMethod(),
                                exchange.getRequest().getPath().value(), signal.failure().toString(),
                                signal.totalRetries() + 2);
                        reset(exchange);
                    })
                    .onRetryExhaustedThrow((spec, signal) -> signal.failure());
            return DataBufferUtils.join(exchange.getRequest().getBody())
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return bytes;
                    })
                    .defaultIfEmpty(new byte[0])
                    .flatMap(body -> Mono.defer(() -> chain.filter(withBody(exchange, body))).retryWhen(retry));
        };
    }

    /** Whether sending this request a second time can do no harm. */
    static boolean isSafeToRepeat(ServerHttpRequest request, List<KeyedWrite> keyedWrites) {
        HttpMethod method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return true;
        }
        String key = request.getHeaders().getFirst(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            return false;
        }
        PathContainer path = request.getPath().pathWithinApplication();
        return keyedWrites.stream().anyMatch(write -> write.matches(method, path));
    }

    /** One write whose service honours an Idempotency-Key: its method and path pattern. */
    record KeyedWrite(HttpMethod method, PathPattern pattern) {

        static KeyedWrite parse(String text) {
            String[] parts = text.strip().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("keyedWrites: '" + text + "' is not '<METHOD> <path pattern>'");
            }
            return new KeyedWrite(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                    PathPatternParser.defaultInstance.parse(parts[1]));
        }

        boolean matches(HttpMethod requestMethod, PathContainer path) {
            return method.equals(requestMethod) && pattern.matches(path);
        }
    }

    /** A refused or dropped connection: the instance is gone (or going), another one can take the call. */
    private static boolean cutOff(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The exchange with a request whose body can be read once per attempt. */
    private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] body) {
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body.length == 0 ? Flux.empty()
                        : Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        return exchange.mutate().request(request).build();
    }

    /** Forgets the failed attempt: its connection, the headers it added, and that the call was routed. */
    private static void reset(ServerWebExchange exchange) {
        Connection connection = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        if (connection != null) {
            connection.dispose();
        }
        ServerWebExchangeUtils.removeAlreadyRouted(exchange);
    }
}
