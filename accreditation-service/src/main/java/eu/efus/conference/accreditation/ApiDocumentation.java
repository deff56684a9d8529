package eu.efus.conference.accreditation;

import eu.efus.conference.kit.openapi.ConferenceOpenApi;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title, introduction and sections of the service's OpenAPI document ({@code /v3/api-docs}); the parts every
 * service shares (server, problem answers, staff authentication, headers) come from the service kit.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "accreditation-service", description = """
        Press accreditation: a journalist requests it for an event, then follows, answers and withdraws the request \
        through the private link of the "request received" email (`/accreditation#id={id}&token={token}`; the token \
        is sent as `X-Manage-Token`). The press officer lists the requests and approves, rejects with a reason or \
        asks a question; every change is kept in the request's history, and approvals respect the event's press \
        quota."""),
        tags = {
                @Tag(name = ApiDocumentation.JOURNALIST_TAG,
                        description = "Public: request an accreditation; follow, answer and withdraw it through the private link"),
                @Tag(name = ApiDocumentation.PRESS_DESK_TAG,
                        description = "Staff, role PRESS_OFFICER: the requests of an event and the decisions on them")})
public class ApiDocumentation {

    public static final String JOURNALIST_TAG = "Accreditation requests";
    public static final String PRESS_DESK_TAG = "Press desk";

    /** The one request a press officer and its journalist both read; see {@link #optionalPressOfficer()}. */
    static final String REQUEST_PATH = "/api/accreditations/{id}";

    /**
     * {@code GET /api/accreditations/{id}} is public (the journalist uses the private token), and a press officer's
     * credentials, when sent, turn it into the press desk's view: staff authentication is optional there.
     */
    @Bean
    GlobalOpenApiCustomizer optionalPressOfficer() {
        return api -> {
            PathItem item = api.getPaths() == null ? null : api.getPaths().get(REQUEST_PATH);
            Operation get = item == null ? null : item.getGet();
            if (get != null) {
                get.setSecurity(new ArrayList<>(List.of(new SecurityRequirement(),
                        new SecurityRequirement().addList(ConferenceOpenApi.STAFF_BASIC),
                        new SecurityRequirement().addList(ConferenceOpenApi.STAFF_TOKEN))));
            }
        };
    }
}
