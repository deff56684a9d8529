package eu.efus.conference.accreditation.accreditation;

import static eu.efus.conference.kit.web.InputRules.FREE_TEXT;
import static eu.efus.conference.kit.web.InputRules.FREE_TEXT_MESSAGE;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The press officer's decision on one request. {@code reason} is required for REJECTED (told to the journalist) and
 * NEEDS_INFO (the question); that depends on the decision, so the service checks it and names the field.
 */
public record DecisionRequest(
        @Schema(allowableValues = {"APPROVED", "REJECTED", "NEEDS_INFO"})
        @NotBlank(message = "is required (APPROVED, REJECTED or NEEDS_INFO)")
        @Pattern(regexp = "^(APPROVED|REJECTED|NEEDS_INFO)$", message = "must be APPROVED, REJECTED or NEEDS_INFO") String decision,
        @Schema(description = "Required for REJECTED (told to the journalist) and NEEDS_INFO (the question)")
        @Size(max = 2000, message = "must be at most 2000 characters")
        @Pattern(regexp = FREE_TEXT, message = FREE_TEXT_MESSAGE) String reason) {
}
