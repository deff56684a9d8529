package eu.efus.conference.registration;

import eu.efus.conference.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input gets a clear 4xx problem naming the field, stores nothing and sends nothing. */
class BadInputIT extends RegistrationServiceITBase {

    private static final String URL = "/api/events/SDC-BRUSSELS/registrations";
    private static final List<String> refusedEmails = new ArrayList<>();

    Response refused(int status, String body, String... headers) throws Exception {
        Response response = call("POST", URL, body, headers);
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asString()).isNotBlank();
        assertThat(response.body().get("detail").asString()).isNotBlank();
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at eu.efus");
        return response;
    }

    static List<String> fields(Response response) {
        return response.problemFields();
    }

    String email() {
        String email = uniqueEmail();
        refusedEmails.add(email);
        return email;
    }

    @Test
    void malformedJson() throws Exception {
        refused(400, "{\"firstName\": \"Ana\", ");
        refused(400, "[1,2,3]");
    }

    @Test
    void missingFieldsAreEachNamed() throws Exception {
        assertThat(fields(refused(400, "{}"))).contains("firstName", "lastName", "email", "country", "category",
                "language", "consents");
    }

    @Test
    void invalidFieldsAreNamed() throws Exception {
        String email = email();
        assertThat(fields(refused(400, form(email).replace(email, "not-an-email")))).containsExactly("email");
        assertThat(fields(refused(400, form(email).replace("\"PT\"", "\"XX\"")))).containsExactly("country");
        assertThat(fields(refused(400, form(email).replace("\"language\":\"en\"", "\"language\":\"de\"")))).containsExactly("language");
        assertThat(fields(refused(400, form(email).replace("\"privacyPolicy\":true", "\"privacyPolicy\":false"))))
                .containsExactly("consents.privacyPolicy");
        assertThat(fields(refused(400, form(email).replace("\"sessions\":[]", "\"sessions\":\"W-AI\""))))
                .containsExactly("sessions");
    }

    @Test
    void unknownCategoryAndPressAreRefused() throws Exception {
        assertThat(fields(refused(400, formIn(email(), "en", "ASTRONAUT")))).containsExactly("category");
        Response press = refused(400, formIn(email(), "en", "PRESS"));
        assertThat(fields(press)).containsExactly("category");
        assertThat(press.body().get("errors").get(0).get("message").asString()).contains("accreditation");
    }

    @Test
    void aOneMegabyteBodyIsRefusedUnread() throws Exception {
        String huge = form(email()).replace("vegetarian", "x".repeat(1024 * 1024));
        refused(413, huge);
    }

    @Test
    void lineBreaksInNamesCannotInjectHeaders() throws Exception {
        assertThat(fields(refused(400, form(email()).replace("\"Ana\"", "\"Ana\\r\\nBcc: victim@example.org\""))))
                .containsExactly("firstName");
        assertThat(fields(refused(400, form(email()).replace("\"Example\"", "\"Ex\\nample\"")))).containsExactly("lastName");
    }

    @Test
    void fieldsTheServiceDecidesCannotBeSent() throws Exception {
        assertThat(fields(refused(400, form(email()).replaceFirst("\\{", "{\"status\":\"CONFIRMED\",")))).containsExactly("status");
        assertThat(fields(refused(400, form(email()).replaceFirst("\\{", "{\"id\":\"my-own-id\",")))).containsExactly("id");
    }

    @Test
    void overlappingOrUnknownSessionsAreRefused() throws Exception {
        Response overlap = refused(400, form(email(), "W-POLICE", "W-AI"));
        assertThat(fields(overlap)).containsExactly("sessions");
        assertThat(overlap.body().get("errors").get(0).get("message").asString()).contains("W-POLICE").contains("W-AI");
        assertThat(fields(refused(400, form(email(), "W-NOPE")))).containsExactly("sessions[0]");
    }

    @Test
    void otherRefusals() throws Exception {
        refused(400, form(email()), "Idempotency-Key", "k".repeat(65));
        Response wrongType = call("POST", URL, null, "Content-Type", "text/plain");
        assertThat(wrongType.status()).isIn(400, 415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
    }

    @AfterAll
    static void nothingWasStoredOrSent() {
        assertThat(refusedEmails).isNotEmpty();
        // The probe has seen every event published so far; none may concern a refused request.
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                probe.values().stream().noneMatch(v -> refusedEmails.stream().anyMatch(v::contains)));
    }

    @Test
    void refusedRequestsLeaveNoRegistration() throws Exception {
        String email = email();
        refused(400, form(email).replace("\"privacyPolicy\":true", "\"privacyPolicy\":false"));
        refused(400, form(email).replaceFirst("\\{", "{\"status\":\"CONFIRMED\","));
        refused(400, form(email, "W-POLICE", "W-AI"));
        assertThat(mongo.getCollection("registrations").countDocuments(new Document("participant.email", email))).isZero();
        assertThat(mongo.getCollection("registrations").countDocuments(
                new Document("participant.email", new Document("$in", refusedEmails)))).isZero();
    }
}
