package eu.efus.conference.accreditation.accreditation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The public shapes of accreditation requests (API.md), never the stored document. */
public final class AccreditationViews {

    private AccreditationViews() {
    }

    /** The answer to {@code POST /api/events/{code}/accreditations}; it never carries the private token. */
    @Schema(name = "AccreditationCreated")
    public record Created(String id, String eventCode, @Schema(allowableValues = "PENDING") String status,
            OffsetDateTime createdAt) {

        static Created of(Accreditation a) {
            return new Created(a.id(), a.eventCode(), a.status().name(), time(a.createdAt()));
        }
    }

    /** What the holder of the private link sees. */
    @Schema(name = "JournalistAccreditation")
    public record JournalistView(String id, String eventCode, @Schema(allowableValues = {"PENDING", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN"}) String status,
            @Schema(description = "The press officer's question (NEEDS_INFO)") String question,
            @Schema(description = "The journalist's answer to it") String answer,
            @Schema(description = "Why the request was rejected") String reason, OffsetDateTime createdAt) {

        static JournalistView of(Accreditation a) {
            return new JournalistView(a.id(), a.eventCode(), a.status().name(), a.question(), a.answer(), a.reason(),
                    time(a.createdAt()));
        }
    }

    /** Who asks, as the press desk sees them. */
    @Schema(name = "Journalist")
    public record JournalistSummary(String firstName, String lastName, String email, String country, String pressCardNumber) {
    }

    /** One request on the press desk's list. */
    @Schema(name = "PressDeskEntry")
    public record StaffView(String id, String eventCode, @Schema(allowableValues = {"PENDING", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN"}) String status, JournalistSummary journalist,
            String mediaOutlet, @Schema(allowableValues = {"PRINT", "ONLINE", "RADIO", "TV", "PHOTO", "AGENCY", "FREELANCE"}) String mediaType, String language, String coverageNotes, OffsetDateTime createdAt, OffsetDateTime decidedAt,
            String decidedBy, String reason, String question, String answer) {

        static StaffView of(Accreditation a) {
            return new StaffView(a.id(), a.eventCode(), a.status().name(), summary(a), a.journalist().mediaOutlet(),
                    a.journalist().mediaType(), a.language(), a.coverageNotes(), time(a.createdAt()), time(a.decidedAt()),
                    a.decidedBy(), a.reason(), a.question(), a.answer());
        }
    }

    /** One request for the press officer, with its audit trail. */
    @Schema(name = "PressDeskAccreditation")
    public record StaffDetails(String id, String eventCode, @Schema(allowableValues = {"PENDING", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN"}) String status, JournalistSummary journalist,
            String mediaOutlet, @Schema(allowableValues = {"PRINT", "ONLINE", "RADIO", "TV", "PHOTO", "AGENCY", "FREELANCE"}) String mediaType, String language, String coverageNotes, OffsetDateTime createdAt, OffsetDateTime decidedAt,
            String decidedBy, String reason, String question, String answer, List<HistoryView> history) {

        static StaffDetails of(Accreditation a) {
            List<HistoryView> history = a.history() == null ? List.of() : a.history().stream()
                    .map(h -> new HistoryView(time(h.at()), h.by(), h.from() == null ? null : h.from().name(), h.to().name(),
                            h.reason(), h.answer()))
                    .toList();
            return new StaffDetails(a.id(), a.eventCode(), a.status().name(), summary(a), a.journalist().mediaOutlet(),
                    a.journalist().mediaType(), a.language(), a.coverageNotes(), time(a.createdAt()), time(a.decidedAt()),
                    a.decidedBy(), a.reason(), a.question(), a.answer(), history);
        }
    }

    /** One state change; {@code from} is null for the creation. */
    @Schema(name = "AccreditationChange")
    public record HistoryView(OffsetDateTime at, @Schema(description = "The press officer, or the journalist") String by,
            @Schema(description = "null for the creation") String from, String to, String reason, String answer) {
    }

    private static JournalistSummary summary(Accreditation a) {
        return new JournalistSummary(a.journalist().firstName(), a.journalist().lastName(), a.journalist().email(),
                a.journalist().country(), a.journalist().pressCardNumber());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
