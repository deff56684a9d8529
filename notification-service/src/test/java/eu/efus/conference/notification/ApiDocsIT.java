package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.testsupport.Http;
import eu.efus.conference.testsupport.Http.Response;
import eu.efus.conference.testsupport.OpenApiDocument;
import eu.efus.conference.testsupport.OpenApiDocument.Route;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The service's OpenAPI document: served without credentials, pointing at the gateway, describing every route the
 * service serves, with the problem answers and staff authentication of the API.
 */
class ApiDocsIT extends ServiceContext {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Response call(String method, String path, String body) throws Exception {
        return Http.call("http://localhost:" + port, method, path, body);
    }

    private OpenApiDocument docs() throws Exception {
        return OpenApiDocument.served(call("GET", "/v3/api-docs", null));
    }

    @Test
    void everyRouteTheServiceServesIsDocumentedAndNothingElse() throws Exception {
        OpenApiDocument docs = docs();
        List<Route> routes = OpenApiDocument.servedRoutes(mappings);
        assertThat(routes).extracting(Route::toString)
                .contains("GET /api/admin/notifications", "POST /api/admin/notifications/{id}/resend");

        assertThat(docs.undocumented(routes)).as("routes missing from /v3/api-docs").isEmpty();
        assertThat(docs.unserved(routes)).as("documented operations no route serves").isEmpty();
    }

    @Test
    void everyDocumentedOperationIsInTheApiReference() throws Exception {
        assertThat(docs().missingFrom(OpenApiDocument.API_REFERENCE))
                .as("operations of /v3/api-docs that " + OpenApiDocument.API_REFERENCE + " does not name").isEmpty();
    }

    @Test
    void theLedgerIsDocumentedAsStaffOnlyWithItsProblemsAndTheDocumentIsPublic() throws Exception {
        OpenApiDocument docs = docs();
        assertThat(docs.root().path("info").path("title").asString()).isEqualTo("notification-service");
        assertThat(docs.root().path("servers").get(0).path("url").asString()).isEqualTo("/");

        List<String> staffOnly = new ArrayList<>();
        for (OpenApiDocument.Operation operation : docs.allOperations()) {
            String concrete = operation.path().replaceAll("\\{[^}]+}", "NO-SUCH-THING");
            Response anonymous = call(operation.method(), concrete, "POST".equals(operation.method()) ? "{}" : null);
            boolean documentedStaffOnly = docs.requiresCredentials(operation.node());
            assertThat(anonymous.status() == 401).as(operation + " answered " + anonymous.status() + " without credentials"
                    + (documentedStaffOnly ? " but is documented staff-only" : " but is documented public"))
                    .isEqualTo(documentedStaffOnly);
            if (documentedStaffOnly) {
                staffOnly.add(operation.toString());
                assertThat(docs.securitySchemes(operation.node())).containsExactlyInAnyOrder("staffBasic", "staffToken");
                assertProblem(docs, operation.node(), 401);
                assertProblem(docs, operation.node(), 403);
            }
        }
        assertThat(staffOnly).containsExactlyInAnyOrder("GET /api/admin/notifications",
                "POST /api/admin/notifications/{id}/resend");

        JsonNode ledger = docs.operation("GET", "/api/admin/notifications");
        JsonNode email = docs.parameter(ledger, "query", "email");
        assertThat(email).isNotNull();
        assertThat(email.path("required").asBoolean()).isTrue();
        assertProblem(docs, ledger, 400);
        JsonNode entry = docs.resolve(docs.responseSchema(ledger, 200, "application/json").path("items"));
        assertThat(entry.path("properties").propertyNames()).contains("id", "template", "language", "status", "attempts",
                "lastError", "messageId", "createdAt", "sentAt");
        assertThat(entry.path("properties").path("status").path("enum").valueStream().map(JsonNode::asString))
                .containsExactly("PENDING", "SENDING", "SENT", "FAILED");

        JsonNode resend = docs.operation("POST", "/api/admin/notifications/{id}/resend");
        assertThat(docs.contentTypes(resend, 202)).containsExactly("application/json");
        assertThat(docs.response(resend, 200)).as("a resend answers 202, not 200").isNull();
        assertProblem(docs, resend, 404);
        assertProblem(docs, resend, 503);
    }

    private static void assertProblem(OpenApiDocument docs, JsonNode operation, int status) {
        String name = operation.path("operationId").asString() + " " + status;
        assertThat(docs.contentTypes(operation, status)).as(name).containsExactly(PROBLEM_JSON);
        assertThat(OpenApiDocument.refName(docs.response(operation, status).path("content").path(PROBLEM_JSON).path("schema")))
                .as(name).isEqualTo("Problem");
    }
}
