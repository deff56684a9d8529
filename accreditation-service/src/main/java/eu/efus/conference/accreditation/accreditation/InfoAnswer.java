package eu.efus.conference.accreditation.accreditation;

import static eu.efus.conference.kit.web.InputRules.FREE_TEXT;
import static eu.efus.conference.kit.web.InputRules.FREE_TEXT_MESSAGE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The journalist's answer to the press officer's question. */
public record InfoAnswer(
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
        @Pattern(regexp = FREE_TEXT, message = FREE_TEXT_MESSAGE) String answer) {
}
