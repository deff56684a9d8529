package eu.efus.conference.registration.registration;

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
public class RegistrationController {

    static final String TOKEN_HEADER = "X-Manage-Token";

    private final RegistrationService registrations;

    public RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

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

    @DeleteMapping("/api/registrations/{id}")
    public RegistrationViews.Cancelled cancel(@PathVariable String id,
            @RequestHeader(value = TOKEN_HEADER, required = false) String token) {
        Registration r = registrations.cancel(id, token);
        return new RegistrationViews.Cancelled(r.id(), r.status().name());
    }
}
