package eu.efus.conference.registration.registration;

import java.time.OffsetDateTime;
import java.util.List;

/** The public shapes of registrations (API.md), never the stored document. */
public final class RegistrationViews {

    private RegistrationViews() {
    }

    /** The answer to {@code POST /api/events/{code}/registrations}; it never carries the manage token. */
    public record Created(String id, String eventCode, String status, Integer waitlistPosition, List<SessionState> sessions,
            OffsetDateTime createdAt) {
    }

    /** {@code GET /api/registrations/{id}} for the holder of the private link. */
    public record Details(String id, String eventCode, String status, Integer waitlistPosition, ParticipantView participant,
            String language, List<SessionState> sessions, OffsetDateTime createdAt, OffsetDateTime cancelledAt) {
    }

    /** One session of a registration: CONFIRMED, WAITLISTED (with position), PENDING (waiting for an event seat), CANCELLED. */
    public record SessionState(String code, String status, Integer waitlistPosition) {
    }

    /** Who registered. */
    public record ParticipantView(String firstName, String lastName, String email, String organisation, String country,
            String category) {
    }

    /** The answer to a cancellation. */
    public record Cancelled(String id, String status) {
    }
}
