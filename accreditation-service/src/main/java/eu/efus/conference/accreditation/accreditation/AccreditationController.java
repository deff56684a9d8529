package eu.efus.conference.accreditation.accreditation;

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
public class AccreditationController {

    static final String TOKEN_HEADER = "X-Manage-Token";

    private final AccreditationService accreditations;

    public AccreditationController(AccreditationService accreditations) {
        this.accreditations = accreditations;
    }

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
    @GetMapping("/api/accreditations/{id}")
    public Object get(@PathVariable String id, @RequestHeader(value = TOKEN_HEADER, required = false) String token,
            Authentication authentication) {
        if (PressDeskController.isPressOfficer(authentication)) {
            return AccreditationViews.StaffDetails.of(accreditations.get(id));
        }
        return AccreditationViews.JournalistView.of(accreditations.find(id, token));
    }

    @PostMapping("/api/accreditations/{id}/info")
    public AccreditationViews.JournalistView answer(@PathVariable String id,
            @RequestHeader(value = TOKEN_HEADER, required = false) String token, @Valid @RequestBody InfoAnswer body) {
        return AccreditationViews.JournalistView.of(accreditations.answer(id, token, body.answer()));
    }

    @DeleteMapping("/api/accreditations/{id}")
    public AccreditationViews.JournalistView withdraw(@PathVariable String id,
            @RequestHeader(value = TOKEN_HEADER, required = false) String token) {
        return AccreditationViews.JournalistView.of(accreditations.withdraw(id, token));
    }
}
