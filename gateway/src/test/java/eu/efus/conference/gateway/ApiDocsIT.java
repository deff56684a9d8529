package eu.efus.conference.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API description through the gateway: each service's OpenAPI document at /v3/api-docs/{service}, and one
 * Swagger UI at /swagger-ui.html that lists the three, reachable without signing in.
 */
class ApiDocsIT extends GatewayTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"registration-service", "accreditation-service", "notification-service"})
    void eachServicesDocumentIsRoutedToItsOwnApiDocs(String service) {
        FakeService target = switch (service) {
            case "registration-service" -> REGISTRATION;
            case "accreditation-service" -> ACCREDITATION;
            default -> NOTIFICATION;
        };
        String document = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + service + "\"},\"paths\":{}}";
        target.respond("/v3/api-docs", 200, "application/json", document, Map.of());

        client.get().uri("/v3/api-docs/" + service)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).isEqualTo(document);

        assertThat(target.last().method()).isEqualTo("GET");
        assertThat(target.last().path()).isEqualTo("/v3/api-docs");
        assertThat(target.last().header("Authorization")).as("anonymous: no staff token").isNull();
        for (FakeService other : List.of(REGISTRATION, ACCREDITATION, NOTIFICATION)) {
            if (other != target) {
                assertThat(other.received()).isEmpty();
            }
        }
    }

    @Test
    void theSwaggerUiOpensWithoutSigningInAndListsTheThreeDocuments() {
        URI ui = client.get().uri("/swagger-ui.html")
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectBody().returnResult().getResponseHeaders().getLocation();
        assertThat(ui).isNotNull();

        EntityExchangeResult<String> uiPage = client.get().uri(ui.toString())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult();
        String page = uiPage.getResponseBody();
        // The pages' policy, plus the inline styles the Swagger UI applies; scripts stay same-origin files.
        String policy = uiPage.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'", "style-src 'self' 'unsafe-inline'")
                .doesNotContain("script-src", "unsafe-eval");
        // Only the UI's own files: everything else keeps the pages' policy.
        assertThat(client.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseHeaders().getFirst("Content-Security-Policy"))
                .contains("default-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page).contains("swagger-ui-bundle.js", "swagger-initializer.js");
        String base = ui.toString().substring(0, ui.toString().lastIndexOf('/') + 1);
        String initializer = client.get().uri(base + "swagger-initializer.js")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(initializer).contains("/v3/api-docs/swagger-config");
        // HEAD: the bundle is larger than the test client buffers.
        client.head().uri(base + "swagger-ui-bundle.js").exchange().expectStatus().isOk().expectBody().isEmpty();

        JsonNode config = JSON.readTree(client.get().uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(config.path("urls").valueStream().map(url -> url.path("name").asString() + " " + url.path("url").asString()))
                .containsExactlyInAnyOrder("registration-service /v3/api-docs/registration-service",
                        "accreditation-service /v3/api-docs/accreditation-service",
                        "notification-service /v3/api-docs/notification-service");
        assertThat(config.path("urls.primaryName").asString()).isEqualTo("registration-service");
        assertThat(config.path("validatorUrl").asString()).isEqualTo("none");

        // Serving the UI never calls a service: the browser fetches the documents afterwards.
        assertThat(REGISTRATION.received()).isEmpty();
        assertThat(ACCREDITATION.received()).isEmpty();
        assertThat(NOTIFICATION.received()).isEmpty();
    }

    @Test
    void theGatewayHasNoDocumentOfItsOwn() {
        client.get().uri("/v3/api-docs").exchange().expectStatus().isNotFound().expectBody();
        client.get().uri("/v3/api-docs/unknown-service").exchange().expectStatus().isNotFound().expectBody();
        assertThat(REGISTRATION.received()).isEmpty();
        assertThat(ACCREDITATION.received()).isEmpty();
        assertThat(NOTIFICATION.received()).isEmpty();
    }
}
