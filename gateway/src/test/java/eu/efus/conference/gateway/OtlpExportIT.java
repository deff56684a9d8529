package eu.efus.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an OTLP endpoint configured, the gateway's spans go to it over http/protobuf (the JDK's HTTP client, no OkHttp),
 * in the trace the client started.
 */
class OtlpExportIT extends GatewayTestSupport {

    /** A stand-in collector: what it received on {@code /v1/traces}, with the content type. */
    record Export(String contentType, byte[] body) {
    }

    static final List<Export> EXPORTS = new CopyOnWriteArrayList<>();
    static final HttpServer COLLECTOR = collector();

    @DynamicPropertySource
    static void otlp(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.getAddress().getPort() + "/v1/traces");
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop(0);
    }

    @Test
    void spansOfAClientsTraceReachTheConfiguredCollector() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        client.get().uri("/api/events").header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .exchange().expectStatus().isOk().expectBody();

        byte[] rawTraceId = HexFormat.of().parseHex(traceId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(EXPORTS)
                .anySatisfy(export -> {
                    assertThat(export.contentType()).isEqualTo("application/x-protobuf");
                    assertThat(indexOf(export.body(), rawTraceId)).isNotNegative();
                }));
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/v1/traces", exchange -> {
                try (exchange) {
                    EXPORTS.add(new Export(exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestBody().readAllBytes()));
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
