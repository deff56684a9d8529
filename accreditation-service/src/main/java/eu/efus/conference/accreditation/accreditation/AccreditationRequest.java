package eu.efus.conference.accreditation.accreditation;

import static eu.efus.conference.kit.web.InputRules.CONTROL_MESSAGE;
import static eu.efus.conference.kit.web.InputRules.EMAIL;
import static eu.efus.conference.kit.web.InputRules.FREE_TEXT;
import static eu.efus.conference.kit.web.InputRules.FREE_TEXT_MESSAGE;
import static eu.efus.conference.kit.web.InputRules.NO_CONTROL;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The public accreditation form (API.md). Only these fields exist: anything else in the body (status, id...) is
 * refused, so a client cannot set what the service or the press officer decides.
 */
public record AccreditationRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = NO_CONTROL, message = CONTROL_MESSAGE) String firstName,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = NO_CONTROL, message = CONTROL_MESSAGE) String lastName,
        @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters")
        @Email(regexp = EMAIL, message = "must be a valid email address") String email,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = NO_CONTROL, message = CONTROL_MESSAGE) String mediaOutlet,
        @Schema(allowableValues = {"PRINT", "ONLINE", "RADIO", "TV", "PHOTO", "AGENCY", "FREELANCE"})
        @NotBlank(message = "is required")
        @Pattern(regexp = MEDIA_TYPES, message = "must be one of PRINT, ONLINE, RADIO, TV, PHOTO, AGENCY, FREELANCE") String mediaType,
        @NotBlank(message = "is required")
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as BE") String country,
        @NotBlank(message = "is required (fr or en)") @Pattern(regexp = "^(fr|en)$", message = "must be fr or en") String language,
        @Size(max = 50, message = "must be at most 50 characters")
        @Pattern(regexp = NO_CONTROL, message = CONTROL_MESSAGE) String pressCardNumber,
        @Size(max = 2000, message = "must be at most 2000 characters")
        @Pattern(regexp = FREE_TEXT, message = FREE_TEXT_MESSAGE) String coverageNotes) {

    /** The kinds of media API.md lists. */
    public static final List<String> MEDIA_TYPE_VALUES = List.of("PRINT", "ONLINE", "RADIO", "TV", "PHOTO", "AGENCY", "FREELANCE");
    static final String MEDIA_TYPES = "^(PRINT|ONLINE|RADIO|TV|PHOTO|AGENCY|FREELANCE)$";
}
