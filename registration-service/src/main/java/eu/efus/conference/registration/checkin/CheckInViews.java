package eu.efus.conference.registration.checkin;

import eu.efus.conference.contracts.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public shapes of the check-in desk (API.md). They carry what a desk shows and decides with, never an email
 * address, dietary or accessibility needs, nor the codes themselves: a roster names each code by its key only.
 */
public final class CheckInViews {

    private CheckInViews() {
    }

    /** The answer to a scan. */
    @Schema(name = "CheckIn")
    public record Admission(String registrationId, String eventCode, String firstName, String lastName,
            String organisation, String country, String category,
            @Schema(description = "The session boarded; null at the event's desk") String session,
            List<SessionState> sessions,
            @Schema(description = "When this admission (to the event, or to `session`) was first recorded: the "
                    + "earliest reported time") OffsetDateTime checkedInAt,
            @Schema(description = "true when this admission had already been recorded before this scan")
            boolean alreadyCheckedIn) {
    }

    /** One chosen session of the person scanned. */
    @Schema(name = "CheckInSession")
    public record SessionState(String code,
            @Schema(allowableValues = {"PENDING", "CONFIRMED", "WAITLISTED", "CANCELLED"}) String status) {
    }

    /** What an offline desk needs for one event. */
    @Schema(name = "CheckInRoster")
    public record Roster(String eventCode, OffsetDateTime generatedAt, List<RosterSession> sessions,
            List<RosterAttendee> attendees) {
    }

    /** A session of the programme, for the desk's session picker. */
    @Schema(name = "CheckInRosterSession")
    public record RosterSession(String code,
            @Schema(allowableValues = {"PLENARY", "WORKSHOP", "FIELD_VISIT", "WEBINAR"}) String kind, LocalizedText title,
            OffsetDateTime startsAt, @Schema(description = "null: unlimited") Integer capacity) {
    }

    /** One registration of the event, as the offline desk recognises and admits it. */
    @Schema(name = "CheckInRosterAttendee")
    public record RosterAttendee(String registrationId,
            @Schema(description = "SHA-256 (lower-case hex) of the normalised check-in code: 16 characters of "
                    + "0-9A-Z without I, L, O, U, read from the code as typed") String codeKey,
            @Schema(allowableValues = {"CONFIRMED", "WAITLISTED", "CANCELLED"}) String status, String firstName,
            String lastName, String organisation, String country, String category, List<RosterAttendeeSession> sessions,
            @Schema(description = "Arrival at the event; null until admitted") OffsetDateTime checkedInAt) {
    }

    /** One chosen session of a roster attendee, and when they boarded it. */
    @Schema(name = "CheckInRosterAttendeeSession")
    public record RosterAttendeeSession(String code,
            @Schema(allowableValues = {"PENDING", "CONFIRMED", "WAITLISTED", "CANCELLED"}) String status,
            @Schema(description = "null until boarded") OffsetDateTime checkedInAt) {
    }

    /** How many of the people holding a seat have arrived, for the event and each session. */
    @Schema(name = "Arrivals")
    public record Arrivals(String eventCode,
            @Schema(description = "Registrations holding a seat at the event (CONFIRMED)") int confirmed,
            @Schema(description = "Of those, the ones admitted") int checkedIn, List<SessionArrivals> sessions) {
    }

    /** The same for one session. */
    @Schema(name = "SessionArrivals")
    public record SessionArrivals(String code,
            @Schema(description = "People holding a seat in the session") int confirmed,
            @Schema(description = "Of those, the ones who boarded it") int checkedIn) {
    }
}
