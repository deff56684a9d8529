package eu.efus.conference.accreditation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.testsupport.Http.Response;
import eu.efus.conference.testsupport.OpenApiDocument;
import eu.efus.conference.testsupport.OpenApiDocument.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The service's OpenAPI document: served without credentials, pointing at the gateway, describing every route the
 * service serves, with the problem answers, headers and staff authentication of the API.
 */
class ApiDocsIT extends AccreditationServiceITBase {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private OpenApiDocument docs() throws Exception {
        return OpenApiDocument.served(call("GET", "/v3/api-docs", null));
    }

    @Test
    void everyRouteTheServiceServesIsDocumentedAndNothingElse() throws Exception {
        OpenApiDocument docs = docs();
        List<Route> routes = OpenApiDocument.servedRoutes(mappings);
        assertThat(routes).extracting(Route::toString).contains("POST /api/events/{code}/accreditations",
                "GET /api/accreditations/{id}", "POST /api/accreditations/{id}/info", "DELETE /api/accreditations/{id}",
                "GET /api/accreditations", "POST /api/accreditations/{id}/decision");

        assertThat(docs.undocumented(routes)).as("routes missing from /v3/api-docs").isEmpty();
        assertThat(docs.unserved(routes)).as("documented operations no route serves").isEmpty();
    }

    @Test
    void everyDocumentedOperationIsInTheApiReference() throws Exception {
        assertThat(docs().missingFrom(OpenApiDocument.API_REFERENCE))
                .as("operations of /v3/api-docs that " + OpenApiDocument.API_REFERENCE + " does not name").isEmpty();
    }

    @Test
    void theDocumentIsPublicAndPointsAtTheGateway() throws Exception {
        JsonNode root = docs().root();
        assertThat(root.path("info").path("title").asString()).isEqualTo("accreditation-service");
        assertThat(root.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(root.path("components").path("securitySchemes").propertyNames())
                .containsExactlyInAnyOrder("staffBasic", "staffToken");
    }

    @Test
    void theRequestDocumentsTheIdempotencyKeyTheAcceptedAnswerAndItsProblems() throws Exception {
        OpenApiDocument docs = docs();
        JsonNode request = docs.operation("POST", "/api/events/{code}/accreditations");

        JsonNode key = docs.parameter(request, "header", "Idempotency-Key");
        assertThat(key).as("Idempotency-Key header").isNotNull();
        assertThat(key.path("schema").path("maxLength").asInt()).isEqualTo(64);
        assertThat(docs.response(request, 202).path("headers").propertyNames()).contains("Location", "Idempotent-Replayed");
        assertThat(docs.response(request, 200)).as("a request answers 202, not 200").isNull();
        assertThat(docs.responseSchema(request, 202, "application/json").path("properties").propertyNames())
                .containsExactlyInAnyOrder("id", "eventCode", "status", "createdAt");
        JsonNode form = docs.requestSchema(request);
        assertThat(form.path("properties").path("mediaType").path("enum").valueStream().map(JsonNode::asString))
                .containsExactly("PRINT", "ONLINE", "RADIO", "TV", "PHOTO", "AGENCY", "FREELANCE");
        for (int status : new int[] {400, 404, 409, 413, 422, 429, 503}) {
            assertProblem(docs, request, status);
        }
        assertThat(docs.response(request, 409).path("description").asString()).contains("already active", "closed");
    }

    @Test
    void thePrivateLinkEndpointsDocumentTheManageToken() throws Exception {
        OpenApiDocument docs = docs();
        for (String[] endpoint : new String[][] {{"GET", "/api/accreditations/{id}"},
                {"POST", "/api/accreditations/{id}/info"}, {"DELETE", "/api/accreditations/{id}"}}) {
            JsonNode operation = docs.operation(endpoint[0], endpoint[1]);
            assertThat(docs.parameter(operation, "header", "X-Manage-Token")).as(endpoint[0] + " " + endpoint[1]).isNotNull();
            assertProblem(docs, operation, 404);
            assertThat(docs.requiresCredentials(operation)).as(endpoint[0] + " " + endpoint[1] + " is public").isFalse();
        }
        assertProblem(docs, docs.operation("POST", "/api/accreditations/{id}/info"), 409);

        // The journalist's view with the token; a press officer's credentials, optional, give the desk's view.
        JsonNode get = docs.operation("GET", "/api/accreditations/{id}");
        assertThat(docs.securitySchemes(get)).containsExactlyInAnyOrder("staffBasic", "staffToken");
        JsonNode views = docs.responseSchema(get, 200, "application/json").path("oneOf");
        assertThat(views.valueStream().map(OpenApiDocument::refName))
                .containsExactlyInAnyOrder("JournalistAccreditation", "PressDeskAccreditation");
        assertThat(docs.resolve(views.get(1)).path("properties").propertyNames()).contains("history");
    }

    @Test
    void thePressDeskIsDocumentedAsStaffOnlyExactlyWhereTheServiceRefusesAnonymousCalls() throws Exception {
        OpenApiDocument docs = docs();
        List<String> staffOnly = new ArrayList<>();
        for (OpenApiDocument.Operation operation : docs.allOperations()) {
            String concrete = operation.path().replaceAll("\\{[^}]+}", "NO-SUCH-THING");
            Response anonymous = call(operation.method(), concrete,
                    Set.of("POST", "PUT").contains(operation.method()) ? "{}" : null);
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
        assertThat(staffOnly).containsExactlyInAnyOrder("GET /api/accreditations", "POST /api/accreditations/{id}/decision");

        JsonNode decide = docs.operation("POST", "/api/accreditations/{id}/decision");
        assertThat(docs.response(decide, 409).path("description").asString()).contains("press quota", "final");
        assertThat(docs.requestSchema(decide).path("properties").path("decision").path("enum").valueStream()
                .map(JsonNode::asString)).containsExactly("APPROVED", "REJECTED", "NEEDS_INFO");
        assertThat(docs.parameter(docs.operation("GET", "/api/accreditations"), "query", "status")).isNotNull();
    }

    private static void assertProblem(OpenApiDocument docs, JsonNode operation, int status) {
        String name = operation.path("operationId").asString() + " " + status;
        assertThat(docs.contentTypes(operation, status)).as(name).containsExactly(PROBLEM_JSON);
        assertThat(OpenApiDocument.refName(docs.response(operation, status).path("content").path(PROBLEM_JSON).path("schema")))
                .as(name).isEqualTo("Problem");
    }
}
