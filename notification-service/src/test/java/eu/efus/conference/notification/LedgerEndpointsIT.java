package eu.efus.conference.notification;

import eu.efus.conference.testsupport.StaffTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.ledger.NotificationStatus;
import eu.efus.conference.notification.templates.RenderedMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ledger as organisers see it through the gateway: staff token required, ORGANIZER only. */
class LedgerEndpointsIT extends ServiceContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private static String token(String role) {
        return StaffTokens.mint(StaffTokens.DEMO_SECRET, "conference-gateway", "staff-" + role.toLowerCase(), role);
    }

    private HttpResponse<String> call(String method, String path, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json");
        if (role != null) {
            request.header("Authorization", "Bearer " + token(role));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ledgerOf(String email) {
        return "/api/admin/notifications?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void withoutAStaffTokenTheLedgerIsClosed() throws Exception {
        HttpResponse<String> anonymous = call("GET", ledgerOf("ana@example.org"), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(anonymous).path("status").asInt()).isEqualTo(401);

        assertThat(call("POST", "/api/admin/notifications/n-anything/resend", null).statusCode()).isEqualTo(401);

        HttpResponse<String> pressOfficer = call("GET", ledgerOf("ana@example.org"), "PRESS_OFFICER");
        assertThat(pressOfficer.statusCode()).isEqualTo(403);
        assertThat(pressOfficer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theEmailParameterIsRequiredAndMustBeAnAddress() throws Exception {
        for (String path : new String[] {"/api/admin/notifications", ledgerOf("not-an-address"),
                ledgerOf("Ana <ana@example.org>"), ledgerOf("")}) {
            HttpResponse<String> response = call("GET", path, "ORGANIZER");
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).path("errors").get(0).path("field").asString()).isEqualTo("email");
        }
    }

    @Test
    void resendingAnUnknownEmailIs404() throws Exception {
        HttpResponse<String> response = call("POST", "/api/admin/notifications/n-does-not-exist/resend", "ORGANIZER");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void organisersSeeWhatWentOutAndCanSendItAgain() throws Exception {
        String email = uniqueEmail("Mixed.Case");
        String registration = uniqueRegistration();
        publishGolden(EventTypes.REGISTRATION_PROMOTED, email, registration);
        await().atMost(Duration.ofSeconds(20)).until(() -> entriesFor(email).stream()
                .anyMatch(e -> e.status() == NotificationStatus.SENT));

        // Looked up whatever the case of the address.
        HttpResponse<String> list = call("GET", ledgerOf(email.toLowerCase()), "ORGANIZER");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode entries = json(list);
        assertThat(entries.size()).isEqualTo(1);
        JsonNode original = entries.get(0);
        assertThat(original.path("template").asString()).isEqualTo("registration-promoted");
        assertThat(original.path("language").asString()).isEqualTo("en");
        assertThat(original.path("status").asString()).isEqualTo("SENT");
        assertThat(original.path("attempts").asInt()).isEqualTo(1);
        assertThat(original.path("messageId").asString()).startsWith("<" + original.path("id").asString() + ".1@");
        assertThat(original.path("recipient").asString()).isEqualTo(email);
        assertThat(original.path("registrationId").asString()).isEqualTo(registration);
        assertThat(original.path("createdAt").asString()).endsWith("Z");
        assertThat(original.path("sentAt").asString()).isNotBlank();
        // The stored document is not exposed: no model, no claim, no outbox.
        assertThat(original.has("model")).isFalse();
        assertThat(original.has("claim")).isFalse();
        assertThat(original.has("pendingEvents")).isFalse();

        HttpResponse<String> resend = call("POST", "/api/admin/notifications/" + original.path("id").asString() + "/resend",
                "ORGANIZER");
        assertThat(resend.statusCode()).isEqualTo(202);
        String copyId = json(resend).path("id").asString();
        assertThat(copyId).isNotEqualTo(original.path("id").asString());
        assertThat(json(resend).path("status").asString()).isEqualTo("PENDING");

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email).size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> json(call("GET", ledgerOf(email), "ORGANIZER")).get(0)
                .path("status").asString().equals("SENT"));
        JsonNode history = json(call("GET", ledgerOf(email), "ORGANIZER"));
        assertThat(history.size()).isEqualTo(2);
        // Newest first; the first email keeps its own history.
        assertThat(history.get(0).path("id").asString()).isEqualTo(copyId);
        assertThat(history.get(0).path("resendOf").asString()).isEqualTo(original.path("id").asString());
        assertThat(history.get(0).path("messageId").asString()).isNotEqualTo(original.path("messageId").asString());
        assertThat(history.get(1).path("id").asString()).isEqualTo(original.path("id").asString());
        assertThat(history.get(1).path("messageId").asString()).isEqualTo(original.path("messageId").asString());
        assertThat(mailsTo(email)).extracting(m -> m.getSubject()).containsOnly(
                "A seat has become available for you: Security, Democracy & Cities 2027");
        // The copy is rendered again from the stored event data: the check-in code and its QR image come along.
        for (MimeMessage mail : mailsTo(email)) {
            MailParts parts = MailParts.of(mail);
            assertThat(parts.text()).contains("\n    " + Golden.CHECK_IN_CODE + "\n");
            assertThat(parts.qrCode(RenderedMail.CHECK_IN_IMAGE)).isEqualTo(Golden.CHECK_IN_CODE);
        }
    }

    @Test
    void aJournalistsEmailsAreInTheLedgerWithTheirAccreditation() throws Exception {
        String email = uniqueEmail("journalist");
        String accreditation = uniqueAccreditation();
        publishGoldenAccreditation(EventTypes.ACCREDITATION_RECEIVED, email, accreditation);
        await().atMost(Duration.ofSeconds(20)).until(() -> entriesFor(email).stream()
                .anyMatch(e -> e.status() == NotificationStatus.SENT));

        JsonNode entries = json(call("GET", ledgerOf(email), "ORGANIZER"));
        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).path("template").asString()).isEqualTo("accreditation-received");
        assertThat(entries.get(0).path("language").asString()).isEqualTo("fr");
        assertThat(entries.get(0).path("status").asString()).isEqualTo("SENT");
        assertThat(entries.get(0).path("accreditationId").asString()).isEqualTo(accreditation);
        assertThat(entries.get(0).path("registrationId").isNull()).isTrue();
        // The private link carries the journalist's secret: it is in the email, never in the ledger's answer.
        assertThat(entries.toString()).doesNotContain("token", "/accreditation#");
    }
}
