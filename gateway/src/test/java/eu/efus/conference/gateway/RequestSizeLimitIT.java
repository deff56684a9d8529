package eu.efus.conference.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Oversized bodies get 413 and never reach a service, whether they announce their length or are chunked. */
class RequestSizeLimitIT extends GatewayTestSupport {

    private static final int ONE_MB = 1024 * 1024;
    private static final int LIMIT = 64 * 1024;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void oneMegabyteWithContentLengthIs413() {
        client.post().uri("/api/events/SDC-2024/registrations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(ONE_MB))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("65536 bytes"));
        assertThat(REGISTRATION.received()).isEmpty();
    }

    @Test
    void oneMegabyteChunkedIs413() throws Exception {
        HttpResponse<String> response = postChunked(json(ONE_MB));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
        assertThat(REGISTRATION.received()).isEmpty();
    }

    @Test
    void chunkedBodyWithinTheLimitIsForwardedWhole() throws Exception {
        byte[] body = json(LIMIT);

        HttpResponse<String> response = postChunked(body);

        assertThat(response.statusCode()).isEqualTo(200);
        FakeService.Received received = REGISTRATION.last();
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Content-Length")).isEqualTo(Integer.toString(LIMIT));
    }

    @Test
    void bodyExactlyAtTheLimitIsForwarded() {
        client.post().uri("/api/events/SDC-2024/registrations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(LIMIT))
                .exchange()
                .expectStatus().isOk().expectBody();
        assertThat(REGISTRATION.last().body()).hasSize(LIMIT);
    }

    /** The JDK client streams an InputStream body with Transfer-Encoding: chunked (its length is unknown to it). */
    private HttpResponse<String> postChunked(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events/SDC-2024/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A syntactically valid JSON document of exactly {@code size} bytes. */
    private static byte[] json(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        byte[] start = "{\"pad\":\"".getBytes();
        System.arraycopy(start, 0, bytes, 0, start.length);
        bytes[size - 2] = '"';
        bytes[size - 1] = '}';
        return bytes;
    }
}
