package eu.efus.conference.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The form's field rules, one field at a time. */
class RegistrationRequestTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static RegistrationRequest valid() {
        return new RegistrationRequest("Ana", "Example", "ana@example.org", "City of Lisbon", "PT", "LOCAL_AUTHORITY", "en",
                List.of("W-DRUGS"), "vegetarian", null, new RegistrationRequest.Consents(true, false));
    }

    private static Set<String> invalidFields(RegistrationRequest request) {
        return VALIDATOR.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void aCompleteFormIsValid() {
        assertThat(invalidFields(valid())).isEmpty();
    }

    @Test
    void lineBreaksInNamesAreRefused() {
        RegistrationRequest r = valid();
        assertThat(invalidFields(new RegistrationRequest("Ana\r\nBcc: x@evil.example", r.lastName(), r.email(),
                r.organisation(), r.country(), r.category(), r.language(), r.sessions(), null, null, r.consents())))
                .containsExactly("firstName");
    }

    @Test
    void badEmailsAreRefused() {
        RegistrationRequest r = valid();
        for (String email : List.of("no-at-sign", "a@b", "a b@example.org", "a@example.org\nBcc: x@y.z", "<a@example.org>")) {
            assertThat(invalidFields(new RegistrationRequest(r.firstName(), r.lastName(), email, r.organisation(),
                    r.country(), r.category(), r.language(), r.sessions(), null, null, r.consents())))
                    .as(email).containsExactly("email");
        }
    }

    @Test
    void languageCountryAndConsentAreChecked() {
        RegistrationRequest r = valid();
        assertThat(invalidFields(new RegistrationRequest(r.firstName(), r.lastName(), r.email(), r.organisation(), "pt",
                r.category(), "de", r.sessions(), null, null, new RegistrationRequest.Consents(false, null))))
                .containsExactlyInAnyOrder("country", "language", "consents.privacyPolicy");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        assertThat(invalidFields(new RegistrationRequest(null, " ", null, null, null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("firstName", "lastName", "email", "country", "category", "language", "consents");
    }
}
