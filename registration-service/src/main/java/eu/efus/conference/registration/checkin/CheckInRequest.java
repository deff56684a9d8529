package eu.efus.conference.registration.checkin;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a desk sends for one person ({@code POST /api/checkin}). {@code scannedAt} stays text here so that a value that
 * is not a time is refused naming the field, with the rule it breaks, like the other two.
 */
@Schema(name = "CheckInRequest")
public record CheckInRequest(
        @Schema(description = "The check-in code as printed, typed or read from the QR code: any grouping or case; "
                + "O is read as 0, I and L as 1", example = "K3M9-Q2ZX-AB12-CD34")
        @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String code,
        @Schema(description = "The session being boarded (a field visit's bus, a workshop's door); absent or null at "
                + "the event's own desk", example = "FV-CRISIS-CENTRE")
        @Size(max = 40, message = "must be at most 40 characters") String session,
        @Schema(type = "string", format = "date-time", description = "When the desk admitted the person, for a desk "
                + "that was offline and sends its check-ins later; absent: now. At most 5 minutes ahead of the "
                + "service's clock", example = "2027-03-18T08:41:07Z")
        String scannedAt) {
}
