package eu.efus.conference.registration.catalog;

import eu.efus.conference.contracts.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** What an organiser sends to create or update an event ({@code POST/PUT /api/admin/events}). */
@Schema(name = "EventInput")
public record EventInput(
        @Pattern(regexp = CODE, message = "must be 2-40 capital letters, digits or dashes") String code,
        @NotNull(message = "is required (CONFERENCE or WEBCONFERENCE)") EventKind kind,
        @NotNull(message = "is required") @Valid Title title,
        @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters") String venue,
        @Size(max = 100) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters") String city,
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @NotNull(message = "is required") OffsetDateTime startsAt,
        @NotNull(message = "is required") OffsetDateTime endsAt,
        @NotBlank(message = "is required (an IANA zone such as Europe/Brussels)") String timezone,
        @NotEmpty(message = "must list at least one of fr, en") List<@Pattern(regexp = "^(fr|en)$", message = "must be fr or en") String> languages,
        @Min(value = 0, message = "must be 0 or more (null = unlimited)") Integer capacity,
        OffsetDateTime registrationOpensAt,
        OffsetDateTime registrationClosesAt,
        @Min(value = 0, message = "must be 0 or more (null = no limit)") Integer pressQuota,
        @Size(max = 200, message = "at most 200 sessions") List<@Valid SessionInput> sessions) {

    public static final String CODE = "^[A-Z0-9][A-Z0-9-]{1,39}$";
    public static final String NO_CONTROL = "^[^\\p{Cntrl}]*$";

    /** A title in French and English; at least one is required. */
    public record Title(
            @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters") String fr,
            @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters") String en) {

        public LocalizedText text() {
            return new LocalizedText(blankToNull(fr), blankToNull(en));
        }

        @Schema(hidden = true)
        public boolean isEmpty() {
            return blankToNull(fr) == null && blankToNull(en) == null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** One session of the programme. */
    public record SessionInput(
            @NotNull(message = "is required") @Pattern(regexp = CODE, message = "must be 2-40 capital letters, digits or dashes") String code,
            @NotNull(message = "is required (PLENARY, WORKSHOP, FIELD_VISIT or WEBINAR)") SessionKind kind,
            @NotNull(message = "is required") @Valid Title title,
            @NotNull(message = "is required") OffsetDateTime startsAt,
            @NotNull(message = "is required") OffsetDateTime endsAt,
            @NotNull(message = "is required (fr or en)") @Pattern(regexp = "^(fr|en)$", message = "must be fr or en") String language,
            @Min(value = 0, message = "must be 0 or more (null = unlimited)") Integer capacity) {
    }
}
