package eu.efus.conference.kit.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Turns the {@link ApiProblem}s of a handler into problem+json responses; several with the same status become one
 * response listing every case.
 */
public class ApiProblemCustomizer implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        Map<Integer, List<String>> cases = new LinkedHashMap<>();
        for (ApiProblem problem : AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getMethod(),
                ApiProblem.class)) {
            cases.computeIfAbsent(problem.status(), status -> new ArrayList<>()).add(problem.description());
        }
        if (cases.isEmpty()) {
            return operation;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        cases.forEach((status, descriptions) -> {
            String description = descriptions.size() == 1 ? descriptions.get(0)
                    : String.join("\n", descriptions.stream().map(d -> "- " + d).toList());
            ApiResponse existing = responses.get(String.valueOf(status));
            if (existing == null || existing.getContent() == null) {
                responses.addApiResponse(String.valueOf(status), ConferenceOpenApi.problem(description));
            }
        });
        operation.setResponses(responses);
        return operation;
    }
}
