package eu.efus.conference.registration.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.AccreditationApproved;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventSummary;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Journalist;
import eu.efus.conference.contracts.RegistrationWaitlisted;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.registration.checkin.CheckInCodes;
import eu.efus.conference.testsupport.Http;
import eu.efus.conference.testsupport.Http.Response;
import eu.efus.conference.testsupport.KafkaProbe;
import eu.efus.conference.testsupport.OpenApiDocument;
import eu.efus.conference.testsupport.StaffTokens;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The badge endpoints on a real Kafka broker and MongoDB, with registrations made the way people make them: two
 * participants holding a seat, one waiting, one who cancelled, and a journalist admitted through an accreditation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadgesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    CheckInCodes codes;

    private KafkaProbe probe;
    private String event;
    private String polish;
    private String greek;
    private String waiting;
    private String cancelled;
    private String journalist;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // The database of the service's other tests: whichever test context consumes the accreditation, it lands here.
        TestInfrastructure.get().register(registry, "registration-api");
        registry.add("conference.public-base-url", () -> "http://conference.test");
    }

    @BeforeAll
    void registrations() throws Exception {
        probe = new KafkaProbe(TestInfrastructure.get().kafkaBootstrap(), Topics.REGISTRATION_EVENTS);
        event = createEvent("BADGES-" + suffix(), 2);
        polish = register(event, "Łukasz", "Çelik-Nováková", "PL", "Confirmed");
        greek = register(event, "Γιώργος", "Παπαδόπουλος", "GR", "Confirmed");
        waiting = register(event, "Олена", "Шевченко", "UA", "Waitlisted");
        cancelled = register(event, "Anna", "Aalto", "FI", "Waitlisted");
        String manageUrl = probe.awaitEvent(cancelled, EventTypes.REGISTRATION_WAITLISTED)
                .dataAs(RegistrationWaitlisted.class).manageUrl();
        Response cancel = call("DELETE", "/api/registrations/" + cancelled, "X-Manage-Token",
                manageUrl.substring(manageUrl.indexOf("token=") + 6));
        assertThat(cancel.status()).as(cancel.raw()).isEqualTo(200);
        journalist = accredit(event, "Sinéad", "Ó Súilleabháin", "IE");
    }

    @AfterAll
    void closeProbe() {
        probe.close();
    }

    @Test
    void onlyOrganisersGetBadges() throws Exception {
        for (String path : List.of("/api/admin/registrations/" + polish + "/badge.pdf", "/api/admin/events/" + event + "/badges.pdf")) {
            Response anonymous = call("GET", path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
            Response pressOfficer = call("GET", path, "Authorization", StaffTokens.bearer("press", "PRESS_OFFICER"));
            assertThat(pressOfficer.status()).as(path).isEqualTo(403);
            assertThat(pressOfficer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void theBadgeOfOneAttendeeIsAOnePagePdfWithTheirNameAndCheckInCode() throws Exception {
        HttpResponse<byte[]> answer = pdf("/api/admin/registrations/" + polish + "/badge.pdf");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(answer.headers().firstValue("Content-Disposition")).contains("inline; filename=\"badge-" + polish + ".pdf\"");
        try (BadgePdf pdf = new BadgePdf(answer.body())) {
            assertThat(pdf.pages()).isEqualTo(1);
            // The event's first language is French.
            assertThat(pdf.text(0)).contains("Łukasz", "Çelik-Nováková", "Ville de test", "Pologne",
                    "Agent·e d’une collectivité territoriale", "Conférence des badges", codes.codeFor(polish))
                    .doesNotContain("PRESS");
            assertThat(pdf.qrCode(0)).isEqualTo(codes.codeFor(polish));
        }
        try (BadgePdf pdf = new BadgePdf(pdf("/api/admin/registrations/" + journalist + "/badge.pdf").body())) {
            assertThat(pdf.text(0)).contains("Sinéad", "Ó Súilleabháin", "Le Quotidien", "Irlande", "PRESSE");
        }
    }

    @Test
    void aRegistrationWithoutASeatHasNoBadge() throws Exception {
        for (String id : List.of(waiting, cancelled)) {
            Response refused = call("GET", "/api/admin/registrations/" + id + "/badge.pdf", "Authorization", organizer(),
                    "Accept", "application/pdf");
            assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("detail")).contains(id).containsAnyOf("WAITLISTED", "CANCELLED");
        }
        Response unknown = call("GET", "/api/admin/registrations/no-such-registration/badge.pdf", "Authorization", organizer());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theEventsBadgesAreOnePagePerAttendeeHoldingASeatInNameOrder() throws Exception {
        HttpResponse<byte[]> answer = pdf("/api/admin/events/" + event + "/badges.pdf");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"badges-" + event + ".pdf\"");

        JsonNode confirmed = call("GET", "/api/admin/events/" + event + "/registrations?status=CONFIRMED",
                "Authorization", organizer()).body();
        try (BadgePdf pdf = new BadgePdf(answer.body())) {
            assertThat(pdf.pages()).isEqualTo(confirmed.size()).isEqualTo(3);
            List<String> texts = pdf.texts();
            // Last names as people file them: Ç with the C's, Ó with the O's, then the Greek alphabet.
            assertThat(texts.get(0)).contains("Çelik-Nováková", codes.codeFor(polish)).doesNotContain("PRESS");
            assertThat(texts.get(1)).contains("Ó Súilleabháin", "PRESSE", codes.codeFor(journalist));
            assertThat(texts.get(2)).contains("Παπαδόπουλος", codes.codeFor(greek)).doesNotContain("PRESS");
            assertThat(String.join("\n", texts)).doesNotContain("Шевченко", "Aalto");
            for (int i = 0; i < 3; i++) {
                assertThat(pdf.qrCode(i)).isEqualTo(List.of(codes.codeFor(polish), codes.codeFor(journalist),
                        codes.codeFor(greek)).get(i));
            }
        }
    }

    @Test
    void anUnknownEventOrOneWithoutAttendeesHasNoBadges() throws Exception {
        Response unknown = call("GET", "/api/admin/events/NO-SUCH-EVENT/badges.pdf", "Authorization", organizer());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        String empty = createEvent("NOBODY-" + suffix(), 10);
        Response none = call("GET", "/api/admin/events/" + empty + "/badges.pdf", "Authorization", organizer(),
                "Accept", "application/pdf");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.text("detail")).contains("no confirmed attendee");
    }

    @Test
    void theBadgeEndpointsAreDocumentedAsPdfsForOrganisersWithTheirRefusals() throws Exception {
        OpenApiDocument docs = OpenApiDocument.served(call("GET", "/v3/api-docs"));
        for (String path : List.of("/api/admin/registrations/{id}/badge.pdf", "/api/admin/events/{code}/badges.pdf")) {
            JsonNode operation = docs.operation("GET", path);
            assertThat(operation).as(path).isNotNull();
            assertThat(docs.contentTypes(operation, 200)).as(path).containsExactly("application/pdf");
            assertThat(docs.response(operation, 200).path("headers").propertyNames()).contains("Content-Disposition");
            assertThat(docs.requiresCredentials(operation)).as(path).isTrue();
            assertThat(operation.path("description").asString()).contains("Staff only: role `ORGANIZER`.");
            for (int status : new int[] {401, 403, 404, 409}) {
                assertThat(docs.contentTypes(operation, status)).as(path + " " + status)
                        .containsExactly("application/problem+json");
            }
        }
        assertThat(docs.response(docs.operation("GET", "/api/admin/events/{code}/badges.pdf"), 409).path("description")
                .asString()).contains("No confirmed attendee");
    }

    // --- the registrations ----------------------------------------------------------------------------------------

    private String createEvent(String code, int capacity) throws Exception {
        OffsetDateTime start = OffsetDateTime.now().plusMonths(2).withNano(0);
        String body = """
                {"code":"%s","kind":"CONFERENCE","title":{"fr":"Conférence des badges","en":"Badge conference"},
                 "city":"Brussels","country":"BE","startsAt":"%s","endsAt":"%s","timezone":"Europe/Brussels",
                 "languages":["fr","en"],"capacity":%d,"pressQuota":5,"sessions":[]}
                """.formatted(code, start, start.plusDays(1), capacity);
        Response created = Http.call(base(), "POST", "/api/admin/events", body, "Authorization", organizer());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return code;
    }

    private String register(String eventCode, String firstName, String lastName, String country, String expected)
            throws Exception {
        String body = """
                {"firstName":"%s","lastName":"%s","email":"%s","organisation":"Ville de test","country":"%s",
                 "category":"LOCAL_AUTHORITY","language":"fr","sessions":[],
                 "consents":{"privacyPolicy":true,"photography":false}}
                """.formatted(firstName, lastName, "b-" + suffix().toLowerCase() + "@example.org", country);
        Response created = Http.call(base(), "POST", "/api/events/" + eventCode + "/registrations", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("status")).isEqualToIgnoringCase(expected);
        return created.text("id");
    }

    /** An approved accreditation, as accreditation-service publishes it: the journalist becomes a PRESS attendee. */
    private String accredit(String eventCode, String firstName, String lastName, String country) throws Exception {
        String accreditationId = "a-" + suffix();
        String email = "press-" + suffix().toLowerCase() + "@press.example";
        JsonNode details = call("GET", "/api/events/" + eventCode).body();
        AccreditationApproved approved = new AccreditationApproved(accreditationId,
                new EventSummary(eventCode, "CONFERENCE", null, null, "Brussels", "BE",
                        OffsetDateTime.parse(details.get("startsAt").asString()),
                        OffsetDateTime.parse(details.get("endsAt").asString()), "Europe/Brussels"),
                new Journalist(firstName, lastName, email, "Le Quotidien", "PRINT", country, null), "fr", "press-officer");
        KafkaProbe.send(TestInfrastructure.get().kafkaBootstrap(), Topics.ACCREDITATION_EVENTS, accreditationId,
                CloudEventCodec.toBytes(CloudEventCodec.create("/accreditation-service", EventTypes.ACCREDITATION_APPROVED,
                        accreditationId, approved)));
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode attendee : call("GET", "/api/admin/events/" + eventCode + "/registrations", "Authorization",
                    organizer()).body()) {
                if (email.equals(attendee.get("email").asString()) && "CONFIRMED".equals(attendee.get("status").asString())) {
                    return attendee.get("id").asString();
                }
            }
            return null;
        }, id -> id != null);
    }

    // --- HTTP -------------------------------------------------------------------------------------------------------

    private String base() {
        return "http://localhost:" + port;
    }

    private Response call(String method, String path, String... headers) throws Exception {
        return Http.call(base(), method, path, null, headers);
    }

    private HttpResponse<byte[]> pdf(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", organizer())
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A fresh staff token each time: they live a minute, and the set-up alone may take longer. */
    private static String organizer() {
        return StaffTokens.bearer("org", "ORGANIZER");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
