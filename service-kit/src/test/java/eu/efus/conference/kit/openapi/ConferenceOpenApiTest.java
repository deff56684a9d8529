package eu.efus.conference.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.kit.security.StaffEndpoints;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;

class ConferenceOpenApiTest {

    private final StaffEndpoints staff = new StaffEndpoints()
            .require("PRESS_OFFICER", HttpMethod.GET, "/api/accreditations")
            .require("PRESS_OFFICER", HttpMethod.POST, "/api/accreditations/*/decision")
            .require("ORGANIZER", "/api/admin/**")
            .requireAny(List.of("CHECK_IN", "ORGANIZER"), "/api/checkin/**");

    private final ConferenceOpenApi customizer = new ConferenceOpenApi("test-service", "1.2.3", () -> staff, 64 * 1024);

    private static Operation operation() {
        return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
    }

    private OpenAPI document(Paths paths) {
        OpenAPI api = new OpenAPI().info(new Info().title("OpenAPI definition").version("v0")).paths(paths);
        customizer.customise(api);
        return api;
    }

    @Test
    void staffRulesDecideWhichOperationsNeedCredentialsByMethodAndPath() {
        Operation list = operation();
        Operation decide = operation().requestBody(new RequestBody());
        Operation answer = operation().requestBody(new RequestBody());
        Operation resend = operation();
        Operation publicGet = operation();
        document(new Paths()
                .addPathItem("/api/accreditations", new PathItem().get(list))
                .addPathItem("/api/accreditations/{id}/decision", new PathItem().post(decide))
                .addPathItem("/api/accreditations/{id}/info", new PathItem().post(answer))
                .addPathItem("/api/admin/notifications/{id}/resend", new PathItem().post(resend))
                .addPathItem("/api/accreditations/{id}", new PathItem().get(publicGet)));

        for (Operation staffOnly : List.of(list, decide, resend)) {
            assertThat(staffOnly.getSecurity()).containsExactly(new SecurityRequirement().addList(ConferenceOpenApi.STAFF_BASIC),
                    new SecurityRequirement().addList(ConferenceOpenApi.STAFF_TOKEN));
            assertThat(staffOnly.getResponses()).containsKeys("401", "403");
            assertThat(staffOnly.getResponses()).doesNotContainKey("429");
        }
        assertThat(list.getDescription()).contains("`PRESS_OFFICER`");
        assertThat(resend.getResponses().get("403").getDescription()).contains("ORGANIZER");
        for (Operation open : List.of(answer, publicGet)) {
            assertThat(open.getSecurity()).isNull();
            assertThat(open.getResponses()).doesNotContainKeys("401", "403");
        }
        // Public writes can meet the gateway's per-address limit; staff writes and reads cannot.
        assertThat(answer.getResponses()).containsKey("429");
        assertThat(publicGet.getResponses()).doesNotContainKey("429");
    }

    @Test
    void aRuleAdmittingSeveralRolesNamesEachOfThem() {
        Operation scan = operation().requestBody(new RequestBody());
        Operation roster = operation();
        document(new Paths().addPathItem("/api/checkin", new PathItem().post(scan))
                .addPathItem("/api/checkin/events/{eventCode}/roster", new PathItem().get(roster)));

        for (Operation desk : List.of(scan, roster)) {
            assertThat(desk.getSecurity()).hasSize(2);
            assertThat(desk.getDescription()).isEqualTo("Staff only: role `CHECK_IN` or `ORGANIZER`.");
            assertThat(desk.getResponses().get("403").getDescription())
                    .isEqualTo("The staff member's role is not `CHECK_IN` or `ORGANIZER`");
        }
        assertThat(ConferenceOpenApi.named(List.of("A", "B", "C"))).isEqualTo("`A`, `B` or `C`");
    }

    @Test
    void sharedRefusalsAreAddedWithoutReplacingWhatTheEndpointSaid() {
        Operation register = operation().requestBody(new RequestBody())
                .addParametersItem(new HeaderParameter().name("Idempotency-Key"))
                .addParametersItem(new HeaderParameter().name("X-Manage-Token"));
        register.getResponses().remove("200");
        register.getResponses().addApiResponse("201", new ApiResponse().description("Created"));
        register.getResponses().addApiResponse("404", ConferenceOpenApi.problem("No event with this code"));
        Operation search = operation().addParametersItem(new QueryParameter().name("status"));
        Operation list = operation();
        document(new Paths().addPathItem("/api/events/{code}/registrations", new PathItem().post(register))
                .addPathItem("/api/things", new PathItem().get(search))
                .addPathItem("/api/events", new PathItem().get(list)));

        assertThat(register.getResponses().keySet()).containsExactly("201", "400", "404", "413", "422", "429", "500", "503");
        assertThat(register.getResponses().get("404").getDescription()).isEqualTo("No event with this code");
        assertThat(register.getResponses().get("413").getDescription()).contains("64 KB");
        assertThat(register.getResponses().get("201").getHeaders()).containsKey(ConferenceOpenApi.IDEMPOTENT_REPLAYED);
        assertThat(register.getResponses().get("503").getHeaders()).containsKey("Retry-After");
        assertThat(register.getParameters().get(0).getSchema().getMaxLength()).isEqualTo(64);
        assertThat(register.getParameters().get(0).getDescription()).contains("422");
        assertThat(register.getParameters().get(1).getDescription()).contains("404");
        assertThat(register.getResponses().get("400").getContent()).containsOnlyKeys(ConferenceOpenApi.PROBLEM_JSON);

        assertThat(search.getResponses().keySet()).containsExactly("200", "400", "500", "503");
        assertThat(list.getResponses().keySet()).containsExactly("200", "500", "503");
    }

    @Test
    void theDocumentGetsTheGatewayAsServerTheProblemShapeAndTheSchemes() {
        OpenAPI api = document(new Paths());
        assertThat(api.getInfo().getTitle()).isEqualTo("test-service");
        assertThat(api.getInfo().getVersion()).isEqualTo("1.2.3");
        assertThat(api.getServers()).singleElement().satisfies(server -> assertThat(server.getUrl()).isEqualTo("/"));
        assertThat(api.getComponents().getSchemas()).containsKeys(ConferenceOpenApi.PROBLEM_SCHEMA,
                ConferenceOpenApi.FIELD_PROBLEM_SCHEMA);
        assertThat(api.getComponents().getSchemas().get(ConferenceOpenApi.PROBLEM_SCHEMA).getProperties())
                .containsKeys("type", "title", "status", "detail", "errors");
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys(ConferenceOpenApi.STAFF_BASIC,
                ConferenceOpenApi.STAFF_TOKEN);

        // A title the service chose is kept; building the document twice changes nothing more.
        OpenAPI named = new OpenAPI().info(new Info().title("Registrations").description("What it does.")).paths(new Paths());
        customizer.customise(named);
        customizer.customise(named);
        assertThat(named.getInfo().getTitle()).isEqualTo("Registrations");
        assertThat(named.getInfo().getDescription()).startsWith("What it does.").containsOnlyOnce("problem+json");
    }

    @Test
    void apiProblemsOfOneStatusBecomeOneResponseListingEveryCase() throws Exception {
        Method method = Handlers.class.getDeclaredMethod("register");
        Operation operation = new ApiProblemCustomizer().customize(operation(), new HandlerMethod(new Handlers(), method));

        assertThat(operation.getResponses().keySet()).containsExactlyInAnyOrder("200", "404", "409");
        assertThat(operation.getResponses().get("409").getDescription())
                .isEqualTo("- already registered\n- registration closed");
        assertThat(operation.getResponses().get("404").getContent()).containsOnlyKeys(ConferenceOpenApi.PROBLEM_JSON);
    }

    static class Handlers {
        @ApiProblem(status = 404, description = "no such event")
        @ApiProblem(status = 409, description = "already registered")
        @ApiProblem(status = 409, description = "registration closed")
        void register() {
        }
    }
}
