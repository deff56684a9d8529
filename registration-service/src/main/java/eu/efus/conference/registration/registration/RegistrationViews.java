package eu.efus.conference.registration.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** The public shapes of registrations (API.md), never the stored document. */
public final class RegistrationViews {

    private RegistrationViews() {
    }

    /** The answer to {@code POST /api/events/{code}/registrations}; it never carries the manage token. */
    @Schema(name = "RegistrationCreated")
    public record Created(String id, String eventCode, @Schema(allowableValues = {"CONFIRMED", "WAITLISTED"}) String status,
            @Schema(description = "Place in the event's waiting list; null unless WAITLISTED") Integer waitlistPosition,
            List<SessionState> sessions, OffsetDateTime createdAt) {
    }

    /** {@code GET /api/registrations/{id}} for the holder of the private link. */
    @Schema(name = "Registration")
    public record Details(String id, String eventCode,
            @Schema(description = "ALLOCATING only while seats are being given out",
                    allowableValues = {"ALLOCATING", "CONFIRMED", "WAITLISTED", "CANCELLED"}) String status,
            @Schema(description = "Current place in the event's waiting list; null unless WAITLISTED") Integer waitlistPosition,
            ParticipantView participant, String language, List<SessionState> sessions, OffsetDateTime createdAt,
            OffsetDateTime cancelledAt) {
    }

    /** One session of a registration: CONFIRMED, WAITLISTED (with position), PENDING (waiting for an event seat), CANCELLED. */
    @Schema(name = "RegistrationSession")
    public record SessionState(String code,
            @Schema(allowableValues = {"PENDING", "CONFIRMED", "WAITLISTED", "CANCELLED"}) String status,
            @Schema(description = "Place in the session's waiting list; null unless WAITLISTED") Integer waitlistPosition) {
    }

    /** Who registered. */
    @Schema(name = "Participant")
    public record ParticipantView(String firstName, String lastName, String email, String organisation, String country,
            String category) {
    }

    /** The answer to a cancellation. */
    @Schema(name = "RegistrationCancelled")
    public record Cancelled(String id, @Schema(allowableValues = "CANCELLED") String status) {
    }
}
