package eu.efus.conference.registration.registration;

import eu.efus.conference.kit.openapi.ApiProblem;
import eu.efus.conference.registration.ApiDocumentation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The participant's side: register, see and cancel through the private link. */
@RestController
@Tag(name = ApiDocumentation.REGISTRATIONS_TAG)
public class RegistrationController {

    static final String TOKEN_HEADER = "X-Manage-Token";

    private final RegistrationService registrations;

    public RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @Operation(operationId = "register", summary = "Register for an event and choose sessions", description = """
            The participant gets a seat at the event and in each chosen session, or a place on the waiting list of \
            what is full, in arrival order (`status` CONFIRMED or WAITLISTED, per session too). The private manage \
            token is not in the answer: it reaches the participant only by email, in the link \
            `{publicBaseUrl}/manage#id={id}&token={token}`. `category` PRESS is not accepted here: journalists \
            request a press accreditation.""")
    @ApiResponse(responseCode = "201", description = "Registered: CONFIRMED, or WAITLISTED for the event or a session",
            headers = @Header(name = "Location", description = "`/api/registrations/{id}`", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegistrationViews.Created.class)))
    @ApiProblem(status = 400, description = "A field is invalid (`errors` names each one), including an unknown "
            + "category or country, an unknown session, and two chosen sessions that overlap in time")
    @ApiProblem(status = 404, description = "No event with this code")
    @ApiProblem(status = 409, description = "This email address is already registered for this event")
    @ApiProblem(status = 409, description = "Registration for this event is closed")
    @PostMapping("/api/events/{code}/registrations")
    public ResponseEntity<RegistrationViews.Created> register(@PathVariable String code,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody RegistrationRequest request) {
        RegistrationService.Registered registered = registrations.register(code, request, idempotencyKey);
        Registration r = registered.registration();
        Registration.Outcome outcome = r.outcome();
        RegistrationViews.Created body = new RegistrationViews.Created(r.id(), r.eventCode(), outcome.status(),
                outcome.waitlistPosition(),
                outcome.sessions().stream()
                        .map(s -> new RegistrationViews.SessionState(s.code(), s.status(), s.waitlistPosition())).toList(),
                r.createdAt().atOffset(ZoneOffset.UTC));
        return ResponseEntity.created(URI.create("/api/registrations/" + r.id()))
                .header("Idempotent-Replayed", String.valueOf(registered.replayed())).body(body);
    }

    @Operation(operationId = "getRegistration", summary = "A registration, for the holder of its private link",
            description = "`waitlistPosition` is the current place in the event's line (null unless WAITLISTED); "
                    + "each session has its own.")
    @GetMapping("/api/registrations/{id}")
    public RegistrationViews.Details get(@PathVariable String id, @RequestHeader(value = TOKEN_HEADER, required = false) String token) {
        Registration r = registrations.find(id, token);
        Map<String, Integer> positions = registrations.currentPositions(r);
        return new RegistrationViews.Details(r.id(), r.eventCode(), r.status().name(), positions.get(""),
                new RegistrationViews.ParticipantView(r.participant().firstName(), r.participant().lastName(),
                        r.participant().email(), r.participant().organisation(), r.participant().country(),
                        r.participant().category()),
                r.language(), r.sessions().stream()
                        .map(s -> new RegistrationViews.SessionState(s.code(), s.status().name(), positions.get(s.code())))
                        .toList(),
                r.createdAt().atOffset(ZoneOffset.UTC), r.cancelledAt() == null ? null : r.cancelledAt().atOffset(ZoneOffset.UTC));
    }

    @Operation(operationId = "cancelRegistration", summary = "Cancel a registration", description = """
            Frees the seats; for each freed seat the first person on the waiting list is promoted and emailed. \
            Cancelling twice answers 200 with the same body.""")
    @DeleteMapping("/api/registrations/{id}")
    public RegistrationViews.Cancelled cancel(@PathVariable String id,
            @RequestHeader(value = TOKEN_HEADER, required = false) String token) {
        Registration r = registrations.cancel(id, token);
        return new RegistrationViews.Cancelled(r.id(), r.status().name());
    }
}
