package eu.efus.conference.accreditation.accreditation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The accreditation form's field rules, and those of the decision and the answer, one field at a time. */
class AccreditationRequestTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static AccreditationRequest valid() {
        return new AccreditationRequest("Marc", "Dubois", "m.dubois@lesoir.example", "Le Soir", "PRINT", "BE", "fr",
                "BE-12345", "Interview with the president\nand a photo report");
    }

    static AccreditationRequest with(String firstName, String lastName, String email, String mediaType) {
        AccreditationRequest r = valid();
        return new AccreditationRequest(firstName, lastName, email, r.mediaOutlet(), mediaType, r.country(), r.language(),
                r.pressCardNumber(), r.coverageNotes());
    }

    private static Set<String> invalidFields(Object request) {
        return VALIDATOR.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void aCompleteFormIsValidAndOptionalFieldsMayBeLeftOut() {
        assertThat(invalidFields(valid())).isEmpty();
        assertThat(invalidFields(new AccreditationRequest("Marc", "Dubois", "m@x.example", "Le Soir", "FREELANCE", "FR", "en",
                null, null))).isEmpty();
    }

    @Test
    void lineBreaksAndControlCharactersInNamesAreRefused() {
        assertThat(invalidFields(with("Marc\r\nBcc: victim@example.org", "Dubois", "m@x.example", "PRINT")))
                .containsExactly("firstName");
        assertThat(invalidFields(with("Marc", "Du\nbois", "m@x.example", "PRINT"))).containsExactly("lastName");
        assertThat(invalidFields(with("Marc\u0000", "Dubois", "m@x.example", "PRINT"))).containsExactly("firstName");
        AccreditationRequest r = valid();
        assertThat(invalidFields(new AccreditationRequest(r.firstName(), r.lastName(), r.email(), "Le Soir\r\nX-Evil: 1",
                r.mediaType(), r.country(), r.language(), "BE\n1", r.coverageNotes())))
                .containsExactlyInAnyOrder("mediaOutlet", "pressCardNumber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-at-sign", "a@b", "a b@example.org", "a@example.org\nBcc: x@y.z", "<a@example.org>",
            "a@example.org\r"})
    void badEmailsAreRefused(String email) {
        assertThat(invalidFields(with("Marc", "Dubois", email, "PRINT"))).containsExactly("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BLOG", "print", "", "PRINT "})
    void onlyTheListedMediaTypesAreAccepted(String mediaType) {
        assertThat(invalidFields(with("Marc", "Dubois", "m@x.example", mediaType))).containsExactly("mediaType");
    }

    @Test
    void everyListedMediaTypeIsAccepted() {
        for (String type : AccreditationRequest.MEDIA_TYPE_VALUES) {
            assertThat(invalidFields(with("Marc", "Dubois", "m@x.example", type))).as(type).isEmpty();
        }
    }

    @Test
    void countryAndLanguageAreChecked() {
        AccreditationRequest r = valid();
        assertThat(invalidFields(new AccreditationRequest(r.firstName(), r.lastName(), r.email(), r.mediaOutlet(),
                r.mediaType(), "be", "de", null, null))).containsExactlyInAnyOrder("country", "language");
    }

    @Test
    void lengthsAreBounded() {
        AccreditationRequest r = valid();
        assertThat(invalidFields(new AccreditationRequest("x".repeat(101), r.lastName(), r.email(), "x".repeat(201),
                r.mediaType(), r.country(), r.language(), "x".repeat(51), "x".repeat(2001))))
                .containsExactlyInAnyOrder("firstName", "mediaOutlet", "pressCardNumber", "coverageNotes");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        assertThat(invalidFields(new AccreditationRequest(null, " ", null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("firstName", "lastName", "email", "mediaOutlet", "mediaType", "country", "language");
    }

    @Test
    void aDecisionNamesItsFields() {
        assertThat(invalidFields(new DecisionRequest("APPROVED", null))).isEmpty();
        assertThat(invalidFields(new DecisionRequest("REJECTED", "Not a journalist\nSorry"))).isEmpty();
        assertThat(invalidFields(new DecisionRequest("MAYBE", null))).containsExactly("decision");
        assertThat(invalidFields(new DecisionRequest(null, null))).containsExactly("decision");
        assertThat(invalidFields(new DecisionRequest("REJECTED", "x".repeat(2001)))).containsExactly("reason");
        assertThat(invalidFields(new DecisionRequest("REJECTED", "bell\u0007"))).containsExactly("reason");
    }

    @Test
    void anAnswerIsRequiredAndBounded() {
        assertThat(invalidFields(new InfoAnswer("https://news.example/article\nand my card"))).isEmpty();
        assertThat(invalidFields(new InfoAnswer(" "))).containsExactly("answer");
        assertThat(invalidFields(new InfoAnswer(null))).containsExactly("answer");
        assertThat(invalidFields(new InfoAnswer("x".repeat(2000)))).isEmpty();
        assertThat(invalidFields(new InfoAnswer("x".repeat(2001)))).containsExactly("answer");
    }

    @Test
    void theDecisionPatternMatchesTheDecisions() {
        for (Decision decision : Decision.values()) {
            assertThat(invalidFields(new DecisionRequest(decision.name(), "why"))).as(decision.name()).isEmpty();
        }
        assertThat(List.of(Decision.values())).hasSize(3);
    }
}
