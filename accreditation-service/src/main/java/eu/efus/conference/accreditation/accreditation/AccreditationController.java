package eu.efus.conference.accreditation.accreditation;

import eu.efus.conference.accreditation.ApiDocumentation;
import eu.efus.conference.kit.openapi.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The journalist's side: request, then follow, answer and withdraw through the private link. */
@RestController
@Tag(name = ApiDocumentation.JOURNALIST_TAG)
public class AccreditationController {

    static final String TOKEN_HEADER = "X-Manage-Token";

    private final AccreditationService accreditations;

    public AccreditationController(AccreditationService accreditations) {
        this.accreditations = accreditations;
    }

    @Operation(operationId = "requestAccreditation", summary = "Request a press accreditation for an event", description = """
            Recorded as PENDING; the press officer decides later, and the journalist hears by email. The "request \
            received" email carries the private link `{publicBaseUrl}/accreditation#id={id}&token={token}`; the \
            token is never in the answer.""")
    @ApiResponse(responseCode = "202", description = "Recorded, PENDING",
            headers = @Header(name = "Location", description = "`/api/accreditations/{id}`", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AccreditationViews.Created.class)))
    @ApiProblem(status = 404, description = "No event with this code")
    @ApiProblem(status = 409, description = "A request for this email address is already active for this event")
    @ApiProblem(status = 409, description = "Accreditation requests for this event are closed")
    @PostMapping("/api/events/{code}/accreditations")
    public ResponseEntity<AccreditationViews.Created> request(@PathVariable String code,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody AccreditationRequest request) {
        AccreditationService.Requested requested = accreditations.request(code, request, idempotencyKey);
        Accreditation created = requested.accreditation();
        // 202: the request is recorded; the decision comes later, by email.
        return ResponseEntity.accepted().location(URI.create("/api/accreditations/" + created.id()))
                .header("Idempotent-Replayed", String.valueOf(requested.replayed()))
                .body(AccreditationViews.Created.of(created));
    }

    /**
     * The journalist's view with the private token, or the press desk's view with its history for a press officer.
     * The route is public in the security rules on purpose, so the choice is made here: a verified staff token with
     * PRESS_OFFICER sees the staff view; everyone else (an organiser included) needs the request's own token.
     */
    @Operation(operationId = "getAccreditation", summary = "A request: the journalist's view, or the press desk's", description = """
            With the request's `X-Manage-Token`: the journalist's view (`status`, the press officer's `question`, \
            the journalist's `answer`, the `reason` of a rejection). With a press officer's credentials: the press \
            desk's view with its `history`.""")
    @ApiResponse(responseCode = "200", description = "The journalist's view, or the press desk's with its history",
            content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {
                    AccreditationViews.JournalistView.class, AccreditationViews.StaffDetails.class})))
    @GetMapping("/api/accreditations/{id}")
    public Object get(@PathVariable String id, @RequestHeader(value = TOKEN_HEADER, required = false) String token,
            Authentication authentication) {
        if (PressDeskController.isPressOfficer(authentication)) {
            return AccreditationViews.StaffDetails.of(accreditations.get(id));
        }
        return AccreditationViews.JournalistView.of(accreditations.find(id, token));
    }

    @Operation(operationId = "answerQuestion", summary = "Answer the press officer's question",
            description = "The request returns to PENDING.")
    @ApiProblem(status = 409, description = "The request is not waiting for an answer (not NEEDS_INFO)")
    @PostMapping("/api/accreditations/{id}/info")
    public AccreditationViews.JournalistView answer(@PathVariable String id,
            @RequestHeader(value = TOKEN_HEADER, required = false) String token, @Valid @RequestBody InfoAnswer body) {
        return AccreditationViews.JournalistView.of(accreditations.answer(id, token, body.answer()));
    }

    @Operation(operationId = "withdrawAccreditation", summary = "Withdraw the request",
            description = "The status becomes WITHDRAWN; withdrawing again answers the same.")
    @ApiProblem(status = 409, description = "The request was already decided (APPROVED or REJECTED)")
    @DeleteMapping("/api/accreditations/{id}")
    public AccreditationViews.JournalistView withdraw(@PathVariable String id,
            @RequestHeader(value = TOKEN_HEADER, required = false) String token) {
        return AccreditationViews.JournalistView.of(accreditations.withdraw(id, token));
    }
}
