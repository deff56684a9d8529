package eu.efus.conference.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls an HTTP API the way an outside client does, and keeps the answer in a shape tests can assert on. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Http() {
    }

    /** One HTTP answer, with its body parsed when it is JSON. */
    public record Response(int status, String contentType, JsonNode body, String raw, HttpHeaders headers) {

        /** A text field of the JSON body, or null. */
        public String text(String field) {
            JsonNode node = body == null ? null : body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        /** The fields a problem document names in its {@code errors}. */
        public List<String> problemFields() {
            List<String> fields = new ArrayList<>();
            JsonNode errors = body == null ? null : body.get("errors");
            if (errors != null) {
                errors.forEach(e -> fields.add(e.get("field").asString()));
            }
            return fields;
        }
    }

    /** Sends {@code body} (JSON, or nothing) with {@code headers} given as name, value, name, value… */
    public static Response call(String baseUrl, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        JsonNode json = contentType.contains("json") && !response.body().isBlank() ? JSON.readTree(response.body()) : null;
        return new Response(response.statusCode(), contentType, json, response.body(), response.headers());
    }
}
