package eu.efus.conference.notification.web;

import eu.efus.conference.kit.openapi.ApiProblem;
import eu.efus.conference.kit.problem.ApiException;
import eu.efus.conference.kit.security.StaffTokenSecurity;
import eu.efus.conference.notification.ApiDocumentation;
import eu.efus.conference.notification.dispatch.Dispatcher;
import eu.efus.conference.notification.ledger.Ledger;
import eu.efus.conference.notification.ledger.LedgerIds;
import eu.efus.conference.notification.ledger.Notification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery ledger for organisers (role ORGANIZER, see {@link AdminSecurity}): what went out, and sending again. */
@RestController
@RequestMapping("/api/admin/notifications")
@Tag(name = ApiDocumentation.LEDGER_TAG)
public class NotificationAdminController {

    private static final Logger log = LoggerFactory.getLogger(NotificationAdminController.class);

    private final Ledger ledger;
    private final Dispatcher dispatcher;

    public NotificationAdminController(Ledger ledger, Dispatcher dispatcher) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
    }

    /** Every email to {@code email}, newest first. */
    @Operation(operationId = "listNotifications", summary = "The delivery ledger of one recipient, newest first")
    @ApiProblem(status = 400, description = "`email` is missing or not a bare email address")
    @GetMapping
    public List<NotificationView> list(@Parameter(required = true, description = "The recipient's email address",
            example = "ana.silva@example.org") @RequestParam(name = "email", required = false) String email) {
        if (email == null || email.isBlank()) {
            throw ApiException.invalid("email", "is required");
        }
        if (!isEmailAddress(email)) {
            throw ApiException.invalid("email", "is not an email address");
        }
        return ledger.forRecipient(email).stream().map(NotificationView::of).toList();
    }

    /** Sends an email again as a new ledger entry, so the history of the first one is kept. */
    @Operation(operationId = "resendNotification", summary = "Send an email again", description = """
            The copy is a new ledger entry (PENDING, `resendOf` the original), so the history of the first one is \
            kept; it is sent after the emails somebody is waiting for.""")
    @ApiResponse(responseCode = "202", description = "Queued as a new ledger entry", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ResendAccepted.class)))
    @ApiProblem(status = 404, description = "No ledger entry with this id")
    @PostMapping("/{id}/resend")
    public ResponseEntity<ResendAccepted> resend(@PathVariable String id, Authentication staff) {
        Notification original = ledger.find(id).orElseThrow(() -> ApiException.notFound("No email " + id));
        Notification copy = Notification.pending(LedgerIds.random(), original.template(), original.language(),
                original.recipient(), original.recipientName(), original.model(), original.causationId(),
                original.registrationId(), original.accreditationId(), original.id(),
                StaffTokenSecurity.staffName(staff), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        ledger.insertIfAbsent(copy);
        log.info("Email {} queued as a resend of {} by staff {}", copy.id(), original.id(), copy.requestedBy());
        dispatcher.wake();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ResendAccepted(copy.id(), copy.status().name()));
    }

    private static boolean isEmailAddress(String value) {
        if (value.length() > 254 || !value.contains("@") || value.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            // Strict parsing, and only a bare address: "Name <a@b.example>" is not one.
            return value.equals(new InternetAddress(value, true).getAddress());
        } catch (AddressException e) {
            return false;
        }
    }
}
