package eu.efus.conference.accreditation;

import eu.efus.conference.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input gets a clear 4xx problem naming the field, stores nothing and publishes nothing. */
class BadInputIT extends AccreditationServiceITBase {

    private static final List<String> refusedEmails = new ArrayList<>();
    private static String eventCode;

    @BeforeEach
    void anOpenEvent() {
        synchronized (BadInputIT.class) {
            if (eventCode == null) {
                eventCode = openEvent(40);
            }
        }
    }

    String url() {
        return "/api/events/" + eventCode + "/accreditations";
    }

    Response refused(int status, String body, String... headers) throws Exception {
        return refusedAt("POST", url(), status, body, headers);
    }

    Response refusedAt(String method, String path, int status, String body, String... headers) throws Exception {
        Response response = call(method, path, body, headers);
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.text("title")).isNotBlank();
        assertThat(response.text("detail")).isNotBlank();
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at eu.efus");
        return response;
    }

    static List<String> fields(Response response) {
        return response.problemFields();
    }

    static String email() {
        String email = uniqueEmail();
        synchronized (refusedEmails) {
            refusedEmails.add(email);
        }
        return email;
    }

    @Test
    void malformedJson() throws Exception {
        refused(400, "{\"firstName\": \"Marc\", ");
        refused(400, "[1,2,3]");
        refused(400, "");
    }

    @Test
    void missingFieldsAreEachNamed() throws Exception {
        assertThat(fields(refused(400, "{}"))).containsExactlyInAnyOrder("firstName", "lastName", "email", "mediaOutlet",
                "mediaType", "country", "language");
    }

    @Test
    void invalidFieldsAreNamed() throws Exception {
        String email = email();
        assertThat(fields(refused(400, form(email).replace(email, "not-an-email")))).containsExactly("email");
        assertThat(fields(refused(400, form(email).replace("\"PRINT\"", "\"BLOG\"")))).containsExactly("mediaType");
        assertThat(fields(refused(400, form(email).replace("\"BE\"", "\"XX\"")))).containsExactly("country");
        assertThat(fields(refused(400, form(email).replace("\"BE\"", "\"be\"")))).containsExactly("country");
        assertThat(fields(refused(400, form(email).replace("\"language\":\"fr\"", "\"language\":\"de\""))))
                .containsExactly("language");
        assertThat(fields(refused(400, form(email).replace("\"Le Soir\"", "[\"Le Soir\"]")))).containsExactly("mediaOutlet");
        assertThat(fields(refused(400, form(email).replace("Interview with the president", "x".repeat(2001)))))
                .containsExactly("coverageNotes");
    }

    @Test
    void lineBreaksInNamesCannotInjectHeaders() throws Exception {
        assertThat(fields(refused(400, form(email()).replace("\"Marc\"", "\"Marc\\r\\nBcc: victim@example.org\""))))
                .containsExactly("firstName");
        assertThat(fields(refused(400, form(email()).replace("\"Dubois\"", "\"Du\\nbois\"")))).containsExactly("lastName");
        String email = email();
        assertThat(fields(refused(400, form(email).replace(email, email + "\\r\\nBcc: victim@example.org"))))
                .containsExactly("email");
    }

    @Test
    void fieldsTheServiceDecidesCannotBeSent() throws Exception {
        assertThat(fields(refused(400, form(email()).replaceFirst("\\{", "{\"status\":\"APPROVED\","))))
                .containsExactly("status");
        assertThat(fields(refused(400, form(email()).replaceFirst("\\{", "{\"id\":\"my-own-id\",")))).containsExactly("id");
        assertThat(fields(refused(400, form(email()).replaceFirst("\\{", "{\"decidedBy\":\"me\",")))).containsExactly("decidedBy");
    }

    @Test
    void aOneMegabyteBodyIsRefusedUnread() throws Exception {
        refused(413, form(email()).replace("Interview with the president", "x".repeat(1024 * 1024)));
    }

    @Test
    void otherRefusals() throws Exception {
        Response wrongType = call("POST", url(), null, "Content-Type", "text/plain");
        assertThat(wrongType.status()).isIn(400, 415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
        Response wrongMethod = call("PUT", url(), form(email()));
        assertThat(wrongMethod.status()).isEqualTo(405);
    }

    @Test
    void badDecisionsAndAnswersAreNamedAndChangeNothing() throws Exception {
        Submitted s = submit(eventCode, uniqueEmail());
        String decision = "/api/accreditations/" + s.id() + "/decision";
        String auth = officer("anna");
        assertThat(fields(refusedAt("POST", decision, 400, "{\"decision\":\"MAYBE\"}", "Authorization", auth)))
                .containsExactly("decision");
        assertThat(fields(refusedAt("POST", decision, 400, "{}", "Authorization", auth))).containsExactly("decision");
        assertThat(fields(refusedAt("POST", decision, 400, "{\"decision\":\"APPROVED\",\"decidedBy\":\"someone-else\"}",
                "Authorization", auth))).containsExactly("decidedBy");
        refusedAt("POST", decision, 400, "{\"decision\":", "Authorization", auth);
        refusedAt("POST", "/api/accreditations/unknown-id/decision", 404, "{\"decision\":\"APPROVED\"}", "Authorization", auth);

        assertThat(decide(s.id(), "NEEDS_INFO", "Which outlet?", "anna").status()).isEqualTo(200);
        String info = "/api/accreditations/" + s.id() + "/info";
        assertThat(fields(refusedAt("POST", info, 400, "{\"answer\":\"" + "x".repeat(2001) + "\"}", "X-Manage-Token", s.token())))
                .containsExactly("answer");
        assertThat(fields(refusedAt("POST", info, 400, "{\"answer\":\"ok\",\"status\":\"APPROVED\"}",
                "X-Manage-Token", s.token()))).containsExactly("status");
        assertThat(fields(refusedAt("POST", info, 400, "{\"answer\":\"bell\\u0007\"}", "X-Manage-Token", s.token())))
                .containsExactly("answer");
        Response seen = call("GET", "/api/accreditations/" + s.id(), null, "X-Manage-Token", s.token());
        assertThat(seen.text("status")).isEqualTo("NEEDS_INFO");
        assertThat(seen.text("answer")).isNull();
    }

    @Test
    void refusedRequestsLeaveNoAccreditation() throws Exception {
        String email = email();
        refused(400, form(email).replace("\"PRINT\"", "\"BLOG\""));
        refused(400, form(email).replaceFirst("\\{", "{\"status\":\"APPROVED\","));
        refused(400, form(email).replace("\"BE\"", "\"XX\""));
        assertThat(mongo.getCollection("accreditations").countDocuments(new Document("journalist.email", email))).isZero();
    }

    @AfterAll
    static void nothingWasStoredOrSent(@org.springframework.beans.factory.annotation.Autowired
            org.springframework.data.mongodb.core.MongoTemplate mongo) {
        assertThat(refusedEmails).hasSizeGreaterThanOrEqualTo(10);
        assertThat(mongo.getCollection("accreditations").countDocuments(
                new Document("journalist.email", new Document("$in", refusedEmails)))).isZero();
        // The probe sees every event published so far; none may concern a refused request.
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                probe.values().stream().noneMatch(v -> refusedEmails.stream().anyMatch(v::contains)));
    }
}
