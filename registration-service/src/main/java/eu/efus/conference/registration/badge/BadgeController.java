package eu.efus.conference.registration.badge;

import eu.efus.conference.kit.openapi.ApiProblem;
import eu.efus.conference.registration.ApiDocumentation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Organisers: printable badges, one A6 page per person holding a seat (role ORGANIZER, checked by the kit's security). */
@RestController
@Tag(name = ApiDocumentation.ORGANISER_TAG)
public class BadgeController {

    private static final String BADGE_CONTENT = """
            One A6 page (105 × 148 mm) per badge: the event's title, the first and last names in large type, the \
            organisation, the country and the category in the event's first language, the QR code of the \
            registration's check-in code with the code printed below it, and a PRESS band for accredited journalists. \
            The fonts are embedded: every European alphabet prints (Latin, Greek, Cyrillic).""";

    private final Badges badges;

    public BadgeController(Badges badges) {
        this.badges = badges;
    }

    @Operation(operationId = "registrationBadge", summary = "The printable badge of one attendee",
            description = BADGE_CONTENT + " Shown in the browser (`inline`), to print or reprint at the desk.")
    @ApiResponse(responseCode = "200", description = "The badge, a one-page PDF",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "`inline; filename=\"badge-{id}.pdf\"`",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiProblem(status = 404, description = "No registration with this id")
    @ApiProblem(status = 409, description = "The registration holds no seat at the event: on the waiting list, cancelled, "
            + "or still being given its seats")
    @GetMapping("/api/admin/registrations/{id}/badge.pdf")
    public ResponseEntity<byte[]> badge(@PathVariable String id) {
        byte[] pdf = badges.badge(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("badge-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    @Operation(operationId = "eventBadges", summary = "The printable badges of every attendee of an event",
            description = BADGE_CONTENT + """
                     One page per registration holding a seat (`CONFIRMED`, journalists included), ordered by last \
                    name, then first name (accents and case aside), then id. Sent as it is written (chunked): the \
                    badges of a whole conference come without waiting for the last page.""")
    @ApiResponse(responseCode = "200", description = "The badges, one PDF page each",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
                    description = "`attachment; filename=\"badges-{code}.pdf\"`", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiProblem(status = 404, description = "No event with this code")
    @ApiProblem(status = 409, description = "No confirmed attendee: the event has no badge to print")
    @GetMapping("/api/admin/events/{code}/badges.pdf")
    public void badges(@PathVariable String code, HttpServletResponse response) throws IOException {
        // Every refusal is thrown here, before the response is committed: it still becomes a problem answer.
        Badges.Sheets sheets = badges.ofEvent(code);
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("badges-" + code + ".pdf").build().toString());
        OutputStream out = response.getOutputStream();
        sheets.writeTo(out);
        out.flush();
    }
}
