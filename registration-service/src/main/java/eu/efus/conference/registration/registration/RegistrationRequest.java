package eu.efus.conference.registration.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

import static eu.efus.conference.kit.web.InputRules.EMAIL;
import static eu.efus.conference.kit.web.InputRules.FREE_TEXT;
import static eu.efus.conference.kit.web.InputRules.NO_CONTROL;

/**
 * The public registration form (API.md). Only these fields exist: anything else in the body (status, id…) is refused,
 * so a client cannot set what the service decides.
 */
public record RegistrationRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = NO_CONTROL, message = "must not contain line breaks or control characters") String firstName,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = NO_CONTROL, message = "must not contain line breaks or control characters") String lastName,
        @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters")
        @Email(regexp = EMAIL, message = "must be a valid email address") String email,
        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = NO_CONTROL, message = "must not contain line breaks or control characters") String organisation,
        @NotBlank(message = "is required") @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as BE") String country,
        @Schema(allowableValues = {"ELECTED_OFFICIAL", "LOCAL_AUTHORITY", "POLICE", "JUSTICE", "SOCIAL_WORKER",
                "RESEARCHER", "EUROPEAN_INSTITUTION", "INTERNATIONAL_ORGANISATION", "PRIVATE_SECTOR", "CIVIL_SOCIETY",
                "SPEAKER", "OTHER"}, description = "PRESS is refused: journalists request a press accreditation")
        @NotBlank(message = "is required") String category,
        @NotBlank(message = "is required (fr or en)") @Pattern(regexp = "^(fr|en)$", message = "must be fr or en") String language,
        @Schema(description = "Codes of the chosen sessions of this event")
        @Size(max = 20, message = "at most 20 sessions") List<@NotBlank(message = "must be a session code") String> sessions,
        @Size(max = 500, message = "must be at most 500 characters")
        @Pattern(regexp = FREE_TEXT, message = "must not contain control characters") String dietaryRequirements,
        @Size(max = 500, message = "must be at most 500 characters")
        @Pattern(regexp = FREE_TEXT, message = "must not contain control characters") String accessibilityNeeds,
        @NotNull(message = "is required") @Valid Consents consents) {

    /** What the participant agreed to. */
    public record Consents(
            @Schema(description = "Must be true") @NotNull(message = "is required and must be true") @AssertTrue(message = "must be accepted to register") Boolean privacyPolicy,
            Boolean photography) {
    }

    public List<String> sessionCodes() {
        return sessions == null ? List.of() : sessions;
    }
}
