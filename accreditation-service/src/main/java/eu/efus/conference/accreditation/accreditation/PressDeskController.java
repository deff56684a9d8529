package eu.efus.conference.accreditation.accreditation;

import eu.efus.conference.accreditation.ApiDocumentation;
import eu.efus.conference.kit.openapi.ApiProblem;
import eu.efus.conference.kit.problem.ApiException;
import eu.efus.conference.kit.security.StaffTokenSecurity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The press officer's desk: list requests, decide. The role is enforced by the staff rules (AccreditationConfiguration). */
@RestController
@Tag(name = ApiDocumentation.PRESS_DESK_TAG)
public class PressDeskController {

    static final String ROLE = "ROLE_PRESS_OFFICER";

    private final AccreditationService accreditations;

    public PressDeskController(AccreditationService accreditations) {
        this.accreditations = accreditations;
    }

    @Operation(operationId = "listAccreditations", summary = "The requests, oldest first",
            description = "Every request, or those of one event and/or in one status.")
    @GetMapping("/api/accreditations")
    public List<AccreditationViews.StaffView> list(
            @Parameter(description = "An event code") @RequestParam(value = "event", required = false) String event,
            @Parameter(schema = @Schema(allowableValues = {"PENDING", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN"}))
            @RequestParam(value = "status", required = false) String status) {
        return accreditations.list(blankToNull(event), status(blankToNull(status))).stream()
                .map(AccreditationViews.StaffView::of).toList();
    }

    @Operation(operationId = "decide", summary = "Approve, reject, or ask the journalist a question", description = """
            Answers the updated request. The same decision on an already decided request answers 200, unchanged. \
            An approved journalist becomes a confirmed PRESS attendee of the event.""")
    @ApiProblem(status = 400, description = "`reason` is missing for REJECTED or NEEDS_INFO, or a field is invalid")
    @ApiProblem(status = 409, description = "The decision contradicts a final one (APPROVED, REJECTED, WITHDRAWN)")
    @ApiProblem(status = 409, description = "Approving would exceed the event's press quota")
    @ApiProblem(status = 409, description = "Another officer decided on this request at the same moment")
    @PostMapping("/api/accreditations/{id}/decision")
    public AccreditationViews.StaffDetails decide(@PathVariable String id, @Valid @RequestBody DecisionRequest body,
            Authentication authentication) {
        Accreditation decided = accreditations.decide(id, Decision.valueOf(body.decision()), body.reason(),
                StaffTokenSecurity.staffName(authentication));
        return AccreditationViews.StaffDetails.of(decided);
    }

    static boolean isPressOfficer(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> ROLE.equals(a.getAuthority()));
    }

    private static AccreditationStatus status(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(AccreditationStatus.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> ApiException.invalid("status", "must be one of " + Arrays.stream(AccreditationStatus.values())
                        .map(Enum::name).collect(Collectors.joining(", "))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
