package eu.efus.conference.system;

import eu.efus.conference.testsupport.Http.Response;
import eu.efus.conference.testsupport.Http;
import eu.efus.conference.testsupport.OpenApiDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users' journeys on the stack started as {@code ./run.sh} starts it, through the gateway and IMAP only: a
 * participant registers, the email arrives, the private link works, cancels, the first waiting person is promoted and
 * emailed; a journalist requests accreditation, the press officer asks a question, approves or rejects, and the
 * journalist gets exactly the emails that go with it; organisers see attendees and the delivery ledger; the QR code of
 * the confirmation email admits its holder once at the check-in desk; stopping keeps the data for the next start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ORGANIZER = basic("organizer", "demo-organizer");
    private static final String PRESS_OFFICER = basic("press-officer", "demo-press");
    private static final String CHECK_IN = basic("checkin", "demo-checkin");

    private Stack stack;
    private String firstId;
    private String firstToken;

    @BeforeAll
    void startStack() throws Exception {
        Path data = Path.of("target", "e2e-data-" + System.currentTimeMillis()).toAbsolutePath();
        stack = new Stack(data).start(Map.of());
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    Response call(String method, String path, String body, String... headers) throws Exception {
        return Http.call(stack.gateway(), method, path, body, headers);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String form(String firstName, String email, String language, String... sessions) {
        List<String> quoted = new ArrayList<>();
        for (String s : sessions) {
            quoted.add('"' + s + '"');
        }
        return """
                {"firstName":"%s","lastName":"Example","email":"%s","organisation":"City of Ghent","country":"BE",
                 "category":"LOCAL_AUTHORITY","language":"%s","sessions":[%s],"dietaryRequirements":null,
                 "accessibilityNeeds":null,"consents":{"privacyPolicy":true,"photography":false}}
                """.formatted(firstName, email, language, String.join(",", quoted));
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    Mailbox.Mail awaitMail(String address, String subjectPart) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> Mailbox.read(stack.imapPort(), address).stream()
                        .filter(m -> m.subject().toLowerCase().contains(subjectPart.toLowerCase())).findFirst(),
                java.util.Optional::isPresent).get();
    }

    static Map<String, String> fragment(String link) {
        String fragment = link.substring(link.indexOf('#') + 1);
        String id = fragment.replaceAll(".*id=([^&]+).*", "$1");
        String token = fragment.replaceAll(".*token=([^&]+).*", "$1");
        return Map.of("id", id, "token", token);
    }

    @Test
    @Order(1)
    void aParticipantRegistersAndTheConfirmationEmailArrivesInTheirLanguage() throws Exception {
        Response events = call("GET", "/api/events", null);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.raw()).contains("SDC-BRUSSELS", "WEB-PREVENTION-FR", "WEB-CITIES-CRISIS-EN");

        String address = email("ana");
        Response created = call("POST", "/api/events/SDC-BRUSSELS/registrations",
                form("Ana", address, "en", "W-DRUGS", "FV-CRISIS-CENTRE"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("status").asString()).isEqualTo("CONFIRMED");
        firstId = created.body().get("id").asString();

        Mailbox.Mail mail = awaitMail(address, "");
        assertThat(mail.html()).contains("Security, Democracy");
        assertThat(mail.text()).contains("Visit of the regional crisis centre");
        assertThat(mail.attachments()).anyMatch(name -> name.endsWith(".ics"));
        assertThat(mail.calendar()).contains("BEGIN:VCALENDAR").contains("BEGIN:VEVENT");
        String link = mail.manageLink();
        assertThat(link).startsWith(stack.gateway() + "/manage#id=" + firstId + "&token=");
        firstToken = fragment(link).get("token");

        Response seen = call("GET", "/api/registrations/" + firstId, null, "X-Manage-Token", firstToken);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().get("sessions").size()).isEqualTo(2);
        assertThat(call("GET", "/api/registrations/" + firstId, null, "X-Manage-Token", "forged").status()).isEqualTo(404);
        Response page = call("GET", "/manage", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
    }

    @Test
    @Order(2)
    void aFrenchParticipantGetsAFrenchEmail() throws Exception {
        String address = email("claire");
        assertThat(call("POST", "/api/events/WEB-PREVENTION-FR/registrations", form("Claire", address, "fr", "WEBINAR")).status())
                .isEqualTo(201);
        Mailbox.Mail mail = awaitMail(address, "");
        assertThat(mail.text()).containsAnyOf("Bonjour", "Madame", "inscription");
        assertThat(mail.html()).contains("lang=\"fr\"");
    }

    @Test
    @Order(3)
    void cancellingFreesTheSeatForTheFirstWaitingPersonWhoIsEmailed() throws Exception {
        String code = "E2E-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        OffsetDateTime start = OffsetDateTime.now().plusMonths(3).withNano(0);
        Response created = call("POST", "/api/admin/events", """
                {"code":"%s","kind":"CONFERENCE","title":{"fr":"Séminaire de test","en":"Test seminar"},"city":"Liège",
                 "country":"BE","startsAt":"%s","endsAt":"%s","timezone":"Europe/Brussels","languages":["fr","en"],
                 "capacity":100,"pressQuota":2,
                 "sessions":[{"code":"FV-ONE","kind":"FIELD_VISIT","title":{"fr":"Visite","en":"Visit"},
                   "startsAt":"%s","endsAt":"%s","language":"fr","capacity":1}]}
                """.formatted(code, start, start.plusDays(1), start.plusHours(2), start.plusHours(4)),
                "Authorization", ORGANIZER);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);

        String holder = email("holder");
        String waiting = email("waiting");
        Response first = call("POST", "/api/events/" + code + "/registrations", form("Hugo", holder, "en", "FV-ONE"));
        Response second = call("POST", "/api/events/" + code + "/registrations", form("Inès", waiting, "fr", "FV-ONE"));
        assertThat(first.body().get("sessions").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(second.body().get("sessions").get(0).get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(second.body().get("sessions").get(0).get("waitlistPosition").asInt()).isEqualTo(1);

        Map<String, String> link = fragment(awaitMail(holder, "").manageLink());
        Response cancelled = call("DELETE", "/api/registrations/" + link.get("id"), null, "X-Manage-Token", link.get("token"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");

        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.read(stack.imapPort(), holder).size() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.read(stack.imapPort(), waiting).size() == 2);
        List<Mailbox.Mail> promotedMails = Mailbox.read(stack.imapPort(), waiting);
        Mailbox.Mail promotion = promotedMails.get(1);
        Map<String, String> promotedLink = fragment(promotion.manageLink());
        Response promoted = call("GET", "/api/registrations/" + promotedLink.get("id"), null,
                "X-Manage-Token", promotedLink.get("token"));
        assertThat(promoted.body().get("sessions").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(promotion.calendar()).contains("BEGIN:VEVENT");

        Response csv = call("GET", "/api/admin/events/" + code + "/registrations", null, "Authorization", ORGANIZER,
                "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw()).contains(holder).contains(waiting).contains("CANCELLED");
    }

    @Test
    @Order(4)
    void organisersSeeTheDeliveryLedgerAndStaffEndpointsAreGuarded() throws Exception {
        Response anonymous = call("GET", "/api/admin/events/SDC-BRUSSELS/registrations", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(call("GET", "/api/admin/events/SDC-BRUSSELS/registrations", null, "Authorization", PRESS_OFFICER).status())
                .isEqualTo(403);
        assertThat(call("GET", "/api/admin/events/SDC-BRUSSELS/registrations", null, "Authorization",
                basic("organizer", "wrong")).status()).isEqualTo(401);

        Response registrations = call("GET", "/api/admin/events/SDC-BRUSSELS/registrations", null, "Authorization", ORGANIZER);
        assertThat(registrations.status()).isEqualTo(200);
        assertThat(registrations.raw()).contains(firstId);

        String address = registrations.body().get(0).get("email").asString();
        Response ledger = await().atMost(Duration.ofSeconds(30)).until(() -> call("GET",
                "/api/admin/notifications?email=" + address, null, "Authorization", ORGANIZER),
                r -> r.status() == 200 && r.raw().contains("SENT"));
        JsonNode entry = ledger.body().get(0);
        assertThat(entry.get("template").asString()).isEqualTo("registration-confirmed");
        assertThat(entry.get("messageId").asString()).isNotBlank();
        assertThat(call("GET", "/api/admin/notifications?email=" + address, null).status()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void badInputIsRefusedAtTheFrontDoorAndNothingIsSent() throws Exception {
        String address = email("mallory");
        Response extra = call("POST", "/api/events/SDC-BRUSSELS/registrations",
                form("Mal", address, "en").replaceFirst("\\{", "{\"status\":\"CONFIRMED\","));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.contentType()).startsWith("application/problem+json");
        assertThat(extra.raw()).contains("status");
        Response huge = call("POST", "/api/events/SDC-BRUSSELS/registrations",
                form("Mal", address, "en").replace("\"City of Ghent\"", "\"" + "x".repeat(1024 * 1024) + "\""));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(call("GET", "/api/nothing-here", null).status()).isEqualTo(404);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> Mailbox.read(stack.imapPort(), address).isEmpty());
    }

    static String accreditationForm(String email, String language) {
        return """
                {"firstName":"Marc","lastName":"Example","email":"%s","mediaOutlet":"Le Quotidien","mediaType":"PRINT",
                 "country":"BE","language":"%s","pressCardNumber":"BE-4242","coverageNotes":"Report on the field visits"}
                """.formatted(email, language);
    }

    Response decide(String id, String decision, String reason) throws Exception {
        String body = reason == null ? "{\"decision\":\"%s\"}".formatted(decision)
                : "{\"decision\":\"%s\",\"reason\":\"%s\"}".formatted(decision, reason);
        return call("POST", "/api/accreditations/" + id + "/decision", body, "Authorization", PRESS_OFFICER);
    }

    static Map<String, String> accreditationLink(Mailbox.Mail mail) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(https?://\\S+/accreditation#id=[A-Za-z0-9_-]+&token=[A-Za-z0-9_-]+)").matcher(mail.text());
        assertThat(m.find()).as("accreditation link in: " + mail.text()).isTrue();
        return fragment(m.group(1));
    }

    @Test
    @Order(6)
    void aJournalistIsAskedAQuestionAnswersItIsApprovedAndGetsExactlyOneApprovalEmail() throws Exception {
        String journalist = email("journalist");
        Response requested = call("POST", "/api/events/SDC-BRUSSELS/accreditations", accreditationForm(journalist, "fr"));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        assertThat(requested.body().get("status").asString()).isEqualTo("PENDING");
        String id = requested.body().get("id").asString();
        assertThat(requested.raw()).doesNotContain("token");

        Mailbox.Mail received = awaitMail(journalist, "");
        Map<String, String> link = accreditationLink(received);
        assertThat(link.get("id")).isEqualTo(id);
        Response own = call("GET", "/api/accreditations/" + id, null, "X-Manage-Token", link.get("token"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("status").asString()).isEqualTo("PENDING");
        assertThat(call("GET", "/accreditation", null).contentType()).startsWith("text/html");

        // The desk: press officers only.
        assertThat(call("GET", "/api/accreditations?event=SDC-BRUSSELS&status=PENDING", null).status()).isEqualTo(401);
        assertThat(call("GET", "/api/accreditations?event=SDC-BRUSSELS&status=PENDING", null,
                "Authorization", ORGANIZER).status()).isEqualTo(403);
        Response queue = call("GET", "/api/accreditations?event=SDC-BRUSSELS&status=PENDING", null,
                "Authorization", PRESS_OFFICER);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.raw()).contains(id);
        assertThat(call("POST", "/api/accreditations/" + id + "/decision", "{\"decision\":\"APPROVED\"}",
                "Authorization", ORGANIZER).status()).isEqualTo(403);

        assertThat(decide(id, "NEEDS_INFO", "Could you send a link to one of your recent articles?").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.read(stack.imapPort(), journalist).size() == 2);
        Mailbox.Mail question = Mailbox.read(stack.imapPort(), journalist).get(1);
        assertThat(question.text()).contains("recent articles");
        Map<String, String> answerLink = accreditationLink(question);
        Response answered = call("POST", "/api/accreditations/" + id + "/info",
                "{\"answer\":\"https://news.example/urban-security\"}", "X-Manage-Token", answerLink.get("token"));
        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        assertThat(call("GET", "/api/accreditations/" + id, null, "X-Manage-Token", link.get("token")).body()
                .get("status").asString()).isEqualTo("PENDING");

        assertThat(decide(id, "APPROVED", null).status()).isEqualTo(200);
        assertThat(decide(id, "APPROVED", null).status()).as("the same decision again").isEqualTo(200);
        assertThat(decide(id, "REJECTED", "changed my mind").status()).as("contradicting a final decision").isEqualTo(409);
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.read(stack.imapPort(), journalist).size() >= 3);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> Mailbox.read(stack.imapPort(), journalist).size() == 3);
        Mailbox.Mail approval = Mailbox.read(stack.imapPort(), journalist).get(2);
        assertThat(approval.calendar()).contains("BEGIN:VEVENT");
        Map<String, String> manage = fragment(approval.manageLink());
        Response registration = call("GET", "/api/registrations/" + manage.get("id"), null, "X-Manage-Token", manage.get("token"));
        assertThat(registration.status()).isEqualTo(200);
        assertThat(registration.body().get("participant").get("category").asString()).isEqualTo("PRESS");

        String csv = call("GET", "/api/admin/events/SDC-BRUSSELS/registrations", null, "Authorization", ORGANIZER,
                "Accept", "text/csv").raw();
        assertThat(csv.lines().filter(line -> line.contains(journalist)).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("PRESS").contains("CONFIRMED"));

        Response history = call("GET", "/api/accreditations/" + id, null, "Authorization", PRESS_OFFICER);
        assertThat(history.status()).isEqualTo(200);
        List<String> transitions = new ArrayList<>();
        history.body().get("history").forEach(h -> transitions.add(h.get("to").asString()));
        assertThat(transitions).containsSubsequence("PENDING", "NEEDS_INFO", "PENDING", "APPROVED");
        assertThat(history.body().get("history").toString()).contains("press-officer");
    }

    @Test
    @Order(7)
    void aRejectedJournalistIsToldTheReasonAndAnotherJournalistsLinkOpensNothing() throws Exception {
        String journalist = email("rejected");
        Response requested = call("POST", "/api/events/SDC-BRUSSELS/accreditations", accreditationForm(journalist, "en"));
        String id = requested.body().get("id").asString();
        Map<String, String> link = accreditationLink(awaitMail(journalist, ""));
        assertThat(decide(id, "REJECTED", null).status()).as("a rejection needs its reason").isEqualTo(400);
        assertThat(decide(id, "REJECTED", "Accreditation is reserved for the media covering the conference").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.read(stack.imapPort(), journalist).size() == 2);
        assertThat(Mailbox.read(stack.imapPort(), journalist).get(1).text()).contains("reserved for the media");

        String other = email("other");
        String otherId = call("POST", "/api/events/SDC-BRUSSELS/accreditations", accreditationForm(other, "en")).body()
                .get("id").asString();
        assertThat(call("GET", "/api/accreditations/" + otherId, null, "X-Manage-Token", link.get("token")).status())
                .isEqualTo(404);
        Response bad = call("POST", "/api/events/SDC-BRUSSELS/accreditations",
                accreditationForm(email("bad"), "en").replace("\"PRINT\"", "\"BLOG\""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("mediaType");
    }

    @Test
    @Order(8)
    void theEmailedQrCodeAdmitsItsHolderOnceAndTheOrganiserSeesTheArrival() throws Exception {
        String address = email("nadia");
        Response created = call("POST", "/api/events/SDC-BRUSSELS/registrations", form("Nadia", address, "en", "W-DRUGS"),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asString();

        Mailbox.Mail mail = awaitMail(address, "");
        String printed = mail.checkInCode();
        Mailbox.Image qr = CheckInCodes.qrImage(mail);
        assertThat(qr.contentId()).as("the HTML shows the QR inline: " + qr).isNotBlank();
        assertThat(mail.html()).contains("cid:" + qr.contentId());
        String scanned = CheckInCodes.decodeQr(qr);
        assertThat(scanned).as("the QR code holds the code the text prints").isEqualTo(printed);

        // Only desk staff and organisers check people in.
        String body = "{\"code\":\"%s\"}".formatted(scanned);
        assertThat(call("POST", "/api/checkin", body).status()).isEqualTo(401);
        assertThat(call("POST", "/api/checkin", body, "Authorization", PRESS_OFFICER).status()).isEqualTo(403);
        assertThat(call("GET", "/api/admin/events/SDC-BRUSSELS/registrations", null, "Authorization", CHECK_IN).status())
                .isEqualTo(403);

        Response first = call("POST", "/api/checkin", body, "Authorization", CHECK_IN);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.text("registrationId")).isEqualTo(id);
        assertThat(first.text("eventCode")).isEqualTo("SDC-BRUSSELS");
        assertThat(first.text("firstName")).isEqualTo("Nadia");
        assertThat(first.body().get("alreadyCheckedIn").asBoolean()).isFalse();
        assertThat(first.raw()).doesNotContain(address).doesNotContain("dietary").doesNotContain("accessibility");
        Instant arrived = Instant.parse(first.text("checkedInAt"));

        // Scanned again, or typed by hand in lower case with spaces: the same person, already here since the first time.
        String typed = printed.toLowerCase(java.util.Locale.ROOT).replace("-", " ");
        Response again = call("POST", "/api/checkin", "{\"code\":\"%s\"}".formatted(typed), "Authorization", CHECK_IN);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().get("alreadyCheckedIn").asBoolean()).isTrue();
        assertThat(Instant.parse(again.text("checkedInAt"))).isEqualTo(arrived);

        // At a session's door: the seat she holds admits her, a session she did not choose does not.
        Response boarded = call("POST", "/api/checkin", "{\"code\":\"%s\",\"session\":\"W-DRUGS\"}".formatted(scanned),
                "Authorization", CHECK_IN);
        assertThat(boarded.status()).as(boarded.raw()).isEqualTo(200);
        assertThat(boarded.text("session")).isEqualTo("W-DRUGS");
        assertThat(call("POST", "/api/checkin", "{\"code\":\"%s\",\"session\":\"W-POLICE\"}".formatted(scanned),
                "Authorization", CHECK_IN).status()).isEqualTo(409);
        Response forged = call("POST", "/api/checkin", "{\"code\":\"AAAA-BBBB-CCCC-DDDD\"}", "Authorization", CHECK_IN);
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.contentType()).startsWith("application/problem+json");

        // The organiser's list and CSV carry the arrival; the arrivals count it.
        Response list = call("GET", "/api/admin/events/SDC-BRUSSELS/registrations", null, "Authorization", ORGANIZER);
        JsonNode entry = null;
        for (JsonNode registration : list.body()) {
            if (registration.get("id").asString().equals(id)) {
                entry = registration;
            }
        }
        assertThat(entry).as("the registration in the organiser's list").isNotNull();
        assertThat(Instant.parse(entry.get("checkedInAt").asString())).isEqualTo(arrived);
        JsonNode boardedAt = entry.get("sessions").get(0).get("checkedInAt");
        assertThat(boardedAt != null && !boardedAt.isNull()).as("the session entry has its arrival").isTrue();
        Response csv = call("GET", "/api/admin/events/SDC-BRUSSELS/registrations", null, "Authorization", ORGANIZER,
                "Accept", "text/csv");
        assertThat(csv.raw().lines().findFirst().orElseThrow()).endsWith(",checkedInAt");
        assertThat(csv.raw().lines().filter(line -> line.startsWith(id + ",")).findFirst().orElseThrow())
                .doesNotEndWith(",");
        Response arrivals = call("GET", "/api/admin/events/SDC-BRUSSELS/arrivals", null, "Authorization", ORGANIZER);
        assertThat(arrivals.status()).as(arrivals.raw()).isEqualTo(200);
        assertThat(arrivals.body().get("checkedIn").asInt()).isPositive();

        // The offline desk's roster names her by the code's key, never by the code or her email.
        Response roster = call("GET", "/api/checkin/events/SDC-BRUSSELS/roster", null, "Authorization", CHECK_IN);
        assertThat(roster.status()).isEqualTo(200);
        assertThat(roster.raw()).contains(CheckInCodes.key(printed)).doesNotContain(printed)
                .doesNotContain(CheckInCodes.normalised(printed)).doesNotContain(address);
    }

    @Test
    @Order(9)
    void theEventPageReadsWithoutJavaScriptInTheBrowsersLanguage() throws Exception {
        Response event = call("GET", "/api/events/SDC-BRUSSELS", null);
        assertThat(event.status()).isEqualTo(200);
        // A plain GET, as a browser without JavaScript (or a search engine) makes it: the programme is in the page.
        Response page = call("GET", "/events/SDC-BRUSSELS", null, "Accept", "text/html", "Accept-Language", "fr-BE,fr;q=0.9");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("<html lang=\"fr\">", "data-test=\"programme\"", "Programme");
        assertThat(event.body().get("sessions").size()).isPositive();
        for (var session : event.body().get("sessions")) {
            String french = session.get("title").get("fr").asString();
            assertThat(page.raw()).as(session.get("code").asString()).contains(escapeHtml(french));
        }
    }

    @Test
    @Order(9)
    void theGatewayServesEachServicesOwnOpenApiDocument() throws Exception {
        Map<String, String> operationOf = Map.of(
                "registration-service", "POST /api/events/{}/registrations",
                "accreditation-service", "POST /api/events/{}/accreditations",
                "notification-service", "GET /api/admin/notifications");
        for (Map.Entry<String, String> service : operationOf.entrySet()) {
            OpenApiDocument document = OpenApiDocument.served(call("GET", "/v3/api-docs/" + service.getKey(), null));
            assertThat(document.root().path("info").path("title").asString()).isEqualTo(service.getKey());
            assertThat(document.operations()).as(service.getKey()).contains(service.getValue());
        }
    }

    @Test
    @Order(9)
    void theFormsOfferWhatTheServicesAccept() throws Exception {
        OpenApiDocument registration = OpenApiDocument.served(call("GET", "/v3/api-docs/registration-service", null));
        JsonNode form = registration.requestSchema(operation(registration, "POST", "/api/events/{}/registrations"));
        Response register = call("GET", "/events/SDC-BRUSSELS/register", null, "Accept", "text/html");
        assertThat(register.status()).isEqualTo(200);
        assertOffers(register.raw(), "category", registration.resolve(form.path("properties").path("category")));
        assertOffers(register.raw(), "country", registration.resolve(form.path("properties").path("country")));

        OpenApiDocument accreditation = OpenApiDocument.served(call("GET", "/v3/api-docs/accreditation-service", null));
        JsonNode request = accreditation.requestSchema(operation(accreditation, "POST", "/api/events/{}/accreditations"));
        Response press = call("GET", "/events/SDC-BRUSSELS/press", null, "Accept", "text/html");
        assertThat(press.status()).isEqualTo(200);
        assertOffers(press.raw(), "mediaType", accreditation.resolve(request.path("properties").path("mediaType")));
        assertOffers(press.raw(), "country", accreditation.resolve(request.path("properties").path("country")));
    }

    /** The operation of {@code document} for this method and path, variables unnamed ({@code /api/events/{}}). */
    private static JsonNode operation(OpenApiDocument document, String method, String path) {
        return document.allOperations().stream()
                .filter(op -> op.method().equals(method) && OpenApiDocument.normalise(op.path()).equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no " + method + " " + path + " in " + document.operations()))
                .node();
    }

    /**
     * The choices of the page's {@code <select id="field">} (the empty "choose" one left out) are exactly the schema's
     * {@code enum} when it has one, else each matches its {@code pattern}.
     */
    private static void assertOffers(String page, String field, JsonNode schema) {
        Matcher select = Pattern.compile("<select id=\"" + field + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(page);
        assertThat(select.find()).as("the page has a select " + field).isTrue();
        List<String> offered = new ArrayList<>();
        Matcher option = Pattern.compile("<option value=\"([^\"]*)\"").matcher(select.group(1));
        while (option.find()) {
            if (!option.group(1).isEmpty()) {
                offered.add(option.group(1));
            }
        }
        assertThat(offered).as(field + " offered").isNotEmpty();
        if (schema.has("enum")) {
            List<String> accepted = schema.get("enum").valueStream().map(JsonNode::asString).toList();
            assertThat(offered).as(field + ": the page offers what the service accepts").containsExactlyInAnyOrderElementsOf(accepted);
        } else {
            assertThat(schema.has("pattern")).as(field + " has an enum or a pattern: " + schema).isTrue();
            Pattern accepted = Pattern.compile(schema.get("pattern").asString());
            assertThat(offered).as(field + ": every choice is accepted").allMatch(value -> accepted.matcher(value).find());
        }
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    @Test
    @Order(10)
    void stoppingLeavesNothingRunningAndTheNextStartKeepsTheData() throws Exception {
        List<ProcessHandle> children = stack.handle().descendants().toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(4);
        int exit = stack.stop();
        assertThat(stack.output()).anyMatch(line -> line.startsWith("STOPPED"));
        assertThat(exit).as("launcher exit code; output:\n" + String.join("\n", stack.output())).isIn(0, 130, 143);
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        for (int port : stack.ports.values()) {
            try (ServerSocket socket = new ServerSocket(port)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }

        Stack again = new Stack(stack.dataDir);
        again.ports.putAll(stack.ports);
        stack = again.start(Map.of());
        Response seen = call("GET", "/api/registrations/" + firstId, null, "X-Manage-Token", firstToken);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().get("status").asString()).isEqualTo("CONFIRMED");
    }
}
