package eu.efus.conference.registration;

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
class ApiDocsIT extends RegistrationServiceITBase {

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
        assertThat(routes).extracting(Route::toString).contains("GET /api/events", "GET /api/events/{code}",
                "POST /api/events/{code}/registrations", "GET /api/registrations/{id}", "DELETE /api/registrations/{id}",
                "GET /api/admin/events", "POST /api/admin/events", "PUT /api/admin/events/{code}",
                "GET /api/admin/events/{code}/registrations", "GET /api/admin/events/{code}/arrivals", "POST /api/checkin",
                "GET /api/checkin/events/{eventCode}/roster");

        assertThat(docs.undocumented(routes)).as("routes missing from /v3/api-docs").isEmpty();
        assertThat(docs.unserved(routes)).as("documented operations no route serves").isEmpty();
    }

    @Test
    void everyDocumentedOperationIsInTheApiReference() throws Exception {
        assertThat(docs().missingFrom(OpenApiDocument.API_REFERENCE))
                .as("operations of /v3/api-docs that " + OpenApiDocument.API_REFERENCE + " does not name").isEmpty();
    }

    @Test
    void theDocumentIsPublicPointsAtTheGatewayAndDescribesStaffAuthentication() throws Exception {
        JsonNode root = docs().root();
        assertThat(root.path("info").path("title").asString()).isEqualTo("registration-service");
        assertThat(root.path("servers").get(0).path("url").asString()).isEqualTo("/");
        JsonNode schemes = root.path("components").path("securitySchemes");
        assertThat(schemes.path("staffBasic").path("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.path("staffToken").path("scheme").asString()).isEqualTo("bearer");
        assertThat(call("GET", "/v3/api-docs.yaml", null).status()).isEqualTo(200);
    }

    @Test
    void registeringDocumentsTheIdempotencyKeyTheCreatedAnswerAndItsProblems() throws Exception {
        OpenApiDocument docs = docs();
        JsonNode register = docs.operation("POST", "/api/events/{code}/registrations");

        JsonNode key = docs.parameter(register, "header", "Idempotency-Key");
        assertThat(key).as("Idempotency-Key header").isNotNull();
        assertThat(key.path("required").asBoolean()).isFalse();
        assertThat(key.path("schema").path("maxLength").asInt()).isEqualTo(64);

        assertThat(docs.contentTypes(register, 201)).containsExactly("application/json");
        assertThat(docs.response(register, 201).path("headers").propertyNames()).contains("Location", "Idempotent-Replayed");
        assertThat(docs.response(register, 200)).as("a registration answers 201, not 200").isNull();
        JsonNode created = docs.responseSchema(register, 201, "application/json");
        assertThat(created.path("properties").propertyNames()).contains("id", "eventCode", "status", "sessions", "createdAt")
                .doesNotContain("token", "manageToken");

        JsonNode form = docs.requestSchema(register);
        assertThat(form.path("properties").propertyNames()).containsExactlyInAnyOrder("firstName", "lastName", "email",
                "organisation", "country", "category", "language", "sessions", "dietaryRequirements",
                "accessibilityNeeds", "consents");
        assertThat(form.path("required").valueStream().map(JsonNode::asString))
                .contains("firstName", "lastName", "email", "country", "category", "language", "consents");
        assertThat(form.path("properties").path("category").path("enum").valueStream().map(JsonNode::asString))
                .contains("LOCAL_AUTHORITY", "SPEAKER").doesNotContain("PRESS");

        for (int status : new int[] {400, 404, 409, 413, 422, 429, 500, 503}) {
            assertProblem(docs, register, status);
        }
        assertThat(docs.response(register, 409).path("description").asString()).contains("already registered", "closed");

        JsonNode problem = docs.root().path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail", "errors");
        JsonNode fieldProblem = docs.resolve(problem.path("properties").path("errors").path("items"));
        assertThat(fieldProblem.path("properties").propertyNames()).containsExactlyInAnyOrder("field", "message");
    }

    @Test
    void thePrivateLinkEndpointsDocumentTheManageToken() throws Exception {
        OpenApiDocument docs = docs();
        for (String method : List.of("GET", "DELETE")) {
            JsonNode operation = docs.operation(method, "/api/registrations/{id}");
            assertThat(docs.parameter(operation, "header", "X-Manage-Token")).as(method + " X-Manage-Token").isNotNull();
            assertProblem(docs, operation, 404);
            assertThat(operation.has("security")).as(method + " is public").isFalse();
        }
        assertThat(docs.responseSchema(docs.operation("GET", "/api/registrations/{id}"), 200, "application/json")
                .path("properties").propertyNames()).contains("participant", "sessions", "status", "language");
    }

    @Test
    void organiserEndpointsAreDocumentedAsStaffOnlyExactlyWhereTheServiceRefusesAnonymousCalls() throws Exception {
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
        assertThat(staffOnly).contains("GET /api/admin/events", "POST /api/admin/events",
                "PUT /api/admin/events/{code}", "GET /api/admin/events/{code}/registrations",
                "GET /api/admin/events/{code}/arrivals", "POST /api/checkin", "GET /api/checkin/events/{eventCode}/roster");
        assertThat(staffOnly).as("staff-only operations live under the staff paths, and every one of those is")
                .allMatch(o -> o.contains(" /api/admin/") || o.contains(" /api/checkin"))
                .hasSameSizeAs(docs.allOperations().stream().filter(o -> o.path().startsWith("/api/admin/")
                        || o.path().startsWith("/api/checkin")).toList());

        JsonNode attendees = docs.operation("GET", "/api/admin/events/{code}/registrations");
        assertThat(docs.contentTypes(attendees, 200)).containsExactlyInAnyOrder("application/json", "text/csv");
        assertProblem(docs, docs.operation("POST", "/api/admin/events"), 409);
    }

    @Test
    void theCheckInDeskIsDocumentedForItsTwoRolesWithItsRefusals() throws Exception {
        OpenApiDocument docs = docs();
        JsonNode scan = docs.operation("POST", "/api/checkin");
        assertThat(scan.path("description").asString()).contains("Staff only: role `CHECK_IN` or `ORGANIZER`.");
        assertThat(docs.response(scan, 403).path("description").asString()).contains("`CHECK_IN` or `ORGANIZER`");
        for (int status : new int[] {400, 401, 403, 404, 409}) {
            assertProblem(docs, scan, status);
        }
        assertThat(docs.response(scan, 409).path("description").asString()).contains("cancelled", "waiting list");
        assertThat(docs.requestSchema(scan).path("properties").propertyNames())
                .containsExactlyInAnyOrder("code", "session", "scannedAt");
        assertThat(docs.requestSchema(scan).path("required").valueStream().map(JsonNode::asString)).containsExactly("code");
        assertThat(docs.responseSchema(scan, 200, "application/json").path("properties").propertyNames())
                .contains("registrationId", "firstName", "sessions", "checkedInAt", "alreadyCheckedIn")
                .doesNotContain("email", "dietaryRequirements", "accessibilityNeeds");

        JsonNode roster = docs.operation("GET", "/api/checkin/events/{eventCode}/roster");
        assertProblem(docs, roster, 404);
        JsonNode attendee = docs.resolve(docs.responseSchema(roster, 200, "application/json").path("properties")
                .path("attendees").path("items"));
        assertThat(attendee.path("properties").propertyNames()).contains("codeKey", "status", "checkedInAt")
                .doesNotContain("email", "code");

        JsonNode arrivals = docs.operation("GET", "/api/admin/events/{code}/arrivals");
        assertThat(arrivals.path("description").asString()).contains("Staff only: role `ORGANIZER`.");
        assertProblem(docs, arrivals, 404);
    }

    private static void assertProblem(OpenApiDocument docs, JsonNode operation, int status) {
        String name = operation.path("operationId").asString() + " " + status;
        assertThat(docs.contentTypes(operation, status)).as(name).containsExactly(PROBLEM_JSON);
        assertThat(OpenApiDocument.refName(docs.response(operation, status).path("content").path(PROBLEM_JSON).path("schema")))
                .as(name).isEqualTo("Problem");
    }
}
