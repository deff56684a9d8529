package eu.efus.conference.registration;

import eu.efus.conference.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.RegistrationConfirmed;
import eu.efus.conference.contracts.RegistrationPromoted;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.testsupport.KafkaProbe;
import eu.efus.conference.testsupport.StaffTokens;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registration API on a real Kafka broker and MongoDB: what a participant and an organiser see, and what goes out. */
class RegistrationApiIT extends RegistrationServiceITBase {

    // --- the participant's journey ---------------------------------------------------------------------------------

    @Test
    void demoEventsAreListedWithTheirProgramme() throws Exception {
        Response list = call("GET", "/api/events", null);
        assertThat(list.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        list.body().forEach(e -> codes.add(e.get("code").asString()));
        assertThat(codes).contains("SDC-BRUSSELS", "WEB-PREVENTION-FR", "WEB-CITIES-CRISIS-EN");
        Response event = call("GET", "/api/events/SDC-BRUSSELS", null);
        assertThat(event.body().get("kind").asString()).isEqualTo("CONFERENCE");
        List<Integer> capacities = new ArrayList<>();
        event.body().get("sessions").forEach(s -> capacities.add(s.get("capacity").isNull() ? -1 : s.get("capacity").asInt()));
        assertThat(capacities).contains(20, 60);
        // Shown in the event's own zone: the offset Brussels has on that date (winter or summer time).
        OffsetDateTime startsAt = OffsetDateTime.parse(event.body().get("startsAt").asString());
        assertThat(startsAt.getOffset()).isEqualTo(java.time.ZoneId.of("Europe/Brussels").getRules()
                .getOffset(startsAt.toInstant()));
        assertThat(call("GET", "/api/events/NOPE", null).status()).isEqualTo(404);
    }

    @Test
    void registerSeeAndCancelThroughThePrivateLink() throws Exception {
        String email = uniqueEmail();
        Response created = call("POST", "/api/events/SDC-BRUSSELS/registrations", form(email, "W-DRUGS", "FV-CRISIS-CENTRE"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/registrations/" + id);
        assertThat(created.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(created.raw()).doesNotContain("token");

        CloudEvent confirmed = awaitEvent(id, EventTypes.REGISTRATION_CONFIRMED);
        RegistrationConfirmed data = confirmed.dataAs(RegistrationConfirmed.class);
        assertThat(data.participant().email()).isEqualTo(email);
        assertThat(data.sessions()).extracting(s -> s.code()).containsExactly("W-DRUGS", "FV-CRISIS-CENTRE");
        assertThat(data.manageUrl()).startsWith("http://conference.test/manage#id=" + id + "&token=");
        String token = tokenOf(data.manageUrl());
        assertThat(mongo.getCollection("registrations").find(new org.bson.Document("_id", id)).first().toJson())
                .as("the token is stored only as a hash").doesNotContain(token);

        Response seen = call("GET", "/api/registrations/" + id, null, "X-Manage-Token", token);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().get("participant").get("email").asString()).isEqualTo(email);
        assertThat(seen.body().get("sessions").size()).isEqualTo(2);
        assertThat(call("GET", "/api/registrations/" + id, null, "X-Manage-Token", token + "x").status()).isEqualTo(404);
        assertThat(call("GET", "/api/registrations/" + id, null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/registrations/unknown", null, "X-Manage-Token", token).status()).isEqualTo(404);

        assertThat(call("DELETE", "/api/registrations/" + id, null, "X-Manage-Token", "wrong").status()).isEqualTo(404);
        Response cancelled = call("DELETE", "/api/registrations/" + id, null, "X-Manage-Token", token);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        Response again = call("DELETE", "/api/registrations/" + id, null, "X-Manage-Token", token);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(cancelled.body());
        awaitEvent(id, EventTypes.REGISTRATION_CANCELLED);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(
                () -> eventsFor(id).stream().filter(e -> e.type().equals(EventTypes.REGISTRATION_CANCELLED)).count() == 1);

        // Cancelled, the same person may register again.
        assertThat(call("POST", "/api/events/SDC-BRUSSELS/registrations", form(email, "W-DRUGS")).status()).isEqualTo(201);
    }

    @Test
    void aSecondActiveRegistrationForTheSameEmailIsRefused() throws Exception {
        String email = uniqueEmail();
        assertThat(call("POST", "/api/events/SDC-BRUSSELS/registrations", form(email)).status()).isEqualTo(201);
        Response duplicate = call("POST", "/api/events/SDC-BRUSSELS/registrations", form(email.toUpperCase(), "W-AI"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(call("POST", "/api/events/WEB-CITIES-CRISIS-EN/registrations", form(email)).status())
                .as("another event is fine").isEqualTo(201);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstAnswerAndCreatesNothing() throws Exception {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        Response first = call("POST", "/api/events/SDC-BRUSSELS/registrations", form(email, "W-AI"), "Idempotency-Key", key);
        Response second = call("POST", "/api/events/SDC-BRUSSELS/registrations", form(email, "W-AI"), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(mongo.getCollection("registrations").countDocuments(new org.bson.Document("participant.email", email)))
                .isEqualTo(1);
        Response other = call("POST", "/api/events/SDC-BRUSSELS/registrations", form(email, "W-POLICE"), "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        String id = first.body().get("id").asString();
        awaitEvent(id, EventTypes.REGISTRATION_CONFIRMED);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> eventsFor(id).size() == 1);
    }

    @Test
    void aClosedWindowIsAConflict() throws Exception {
        OffsetDateTime start = OffsetDateTime.now().plusMonths(1).withNano(0);
        String body = """
                {"code":"CLOSED-EVENT","kind":"WEBCONFERENCE","title":{"en":"Closed"},"startsAt":"%s","endsAt":"%s",
                 "timezone":"Europe/Paris","languages":["en"],"capacity":10,"registrationOpensAt":"%s",
                 "registrationClosesAt":"%s","sessions":[]}
                """.formatted(start, start.plusHours(1), OffsetDateTime.now().minusDays(3).withNano(0),
                OffsetDateTime.now().minusDays(1).withNano(0));
        assertThat(call("POST", "/api/admin/events", body, "Authorization", StaffTokens.bearer("org", "ORGANIZER")).status())
                .isEqualTo(201);
        Response refused = call("POST", "/api/events/CLOSED-EVENT/registrations", form(uniqueEmail()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("closed");
        assertThat(call("POST", "/api/events/NO-SUCH-EVENT/registrations", form(uniqueEmail())).status()).isEqualTo(404);
    }

    // --- capacity and waiting lists --------------------------------------------------------------------------------

    @Test
    void fiftyConcurrentRegistrationsForTwentySeatsConfirmTwentyAndQueueThirtyInOrder() throws Exception {
        String code = createEvent("BURST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), 500, 20);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String email = "burst" + i + "-" + uniqueEmail();
            futures.add(pool.submit(() -> {
                start.await();
                return call("POST", "/api/events/" + code + "/registrations", form(email, "FV-SMALL"));
            }));
        }
        start.countDown();
        int confirmed = 0;
        List<Integer> positions = new ArrayList<>();
        List<String> waitingIds = new ArrayList<>();
        List<String> confirmedIds = new ArrayList<>();
        for (Future<Response> future : futures) {
            Response response = future.get();
            assertThat(response.status()).as(response.raw()).isEqualTo(201);
            JsonNode session = response.body().get("sessions").get(0);
            if ("CONFIRMED".equals(session.get("status").asString())) {
                confirmed++;
                confirmedIds.add(response.body().get("id").asString());
            } else {
                assertThat(session.get("status").asString()).isEqualTo("WAITLISTED");
                positions.add(session.get("waitlistPosition").asInt());
                waitingIds.add(response.body().get("id").asString());
            }
        }
        pool.shutdown();
        List<Integer> sorted = new ArrayList<>(positions);
        Collections.sort(sorted);
        assertThat(confirmed).isEqualTo(20);
        assertThat(sorted).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
        JsonNode visit = call("GET", "/api/events/" + code, null).body().get("sessions").get(0);
        assertThat(visit.get("seatsLeft").asInt()).isZero();
        assertThat(visit.get("waitlistLength").asInt()).isEqualTo(30);

        // A cancellation promotes exactly the first in line, who is told.
        String firstInLine = waitingIds.get(positions.indexOf(1));
        String secondInLine = waitingIds.get(positions.indexOf(2));
        String leaving = confirmedIds.get(0);
        CloudEvent leavingConfirmed = awaitEvent(leaving, EventTypes.REGISTRATION_CONFIRMED);
        String token = tokenOf(leavingConfirmed.dataAs(RegistrationConfirmed.class).manageUrl());
        assertThat(call("DELETE", "/api/registrations/" + leaving, null, "X-Manage-Token", token).status()).isEqualTo(200);
        CloudEvent promoted = awaitEvent(firstInLine, EventTypes.REGISTRATION_PROMOTED);
        RegistrationPromoted promotion = promoted.dataAs(RegistrationPromoted.class);
        assertThat(promotion.promotedSessions()).containsExactly("FV-SMALL");
        assertThat(promotion.eventSeat()).isFalse();
        assertThat(promotion.checkInCode()).as("the same code as the confirmation")
                .isEqualTo(awaitEvent(firstInLine, EventTypes.REGISTRATION_CONFIRMED).dataAs(RegistrationConfirmed.class)
                        .checkInCode()).isNotBlank();
        String promotedToken = tokenOf(promotion.manageUrl());
        Response promotedView = call("GET", "/api/registrations/" + firstInLine, null, "X-Manage-Token", promotedToken);
        assertThat(promotedView.body().get("sessions").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        // The first link stays valid after the promotion email brought a new one.
        CloudEvent firstEmail = awaitEvent(firstInLine, EventTypes.REGISTRATION_CONFIRMED);
        assertThat(call("GET", "/api/registrations/" + firstInLine, null, "X-Manage-Token",
                tokenOf(firstEmail.dataAs(RegistrationConfirmed.class).manageUrl())).status()).isEqualTo(200);
        CloudEvent secondEmail = awaitEvent(secondInLine, EventTypes.REGISTRATION_CONFIRMED);
        Response second = call("GET", "/api/registrations/" + secondInLine, null, "X-Manage-Token",
                tokenOf(secondEmail.dataAs(RegistrationConfirmed.class).manageUrl()));
        assertThat(second.body().get("sessions").get(0).get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(eventsFor(secondInLine)).noneMatch(e -> e.type().equals(EventTypes.REGISTRATION_PROMOTED));
    }

    @Test
    void aFullEventWaitlistsAndAFreedSeatBringsTheSessionsAlong() throws Exception {
        String code = createEvent("FULL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), 1, 5);
        Response first = call("POST", "/api/events/" + code + "/registrations", form(uniqueEmail(), "FV-SMALL"));
        Response second = call("POST", "/api/events/" + code + "/registrations", formIn(uniqueEmail(), "fr", "POLICE", "FV-SMALL"));
        assertThat(first.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(second.body().get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(second.body().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(second.body().get("sessions").get(0).get("status").asString()).isEqualTo("PENDING");
        String secondId = second.body().get("id").asString();
        awaitEvent(secondId, EventTypes.REGISTRATION_WAITLISTED);

        String firstId = first.body().get("id").asString();
        String token = tokenOf(awaitEvent(firstId, EventTypes.REGISTRATION_CONFIRMED).dataAs(RegistrationConfirmed.class).manageUrl());
        call("DELETE", "/api/registrations/" + firstId, null, "X-Manage-Token", token);
        RegistrationPromoted promoted = awaitEvent(secondId, EventTypes.REGISTRATION_PROMOTED).dataAs(RegistrationPromoted.class);
        assertThat(promoted.eventSeat()).isTrue();
        assertThat(promoted.language()).isEqualTo("fr");
        assertThat(promoted.sessions()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("CONFIRMED"));
    }

    // --- organisers -------------------------------------------------------------------------------------------------

    @Test
    void staffEndpointsNeedTheGatewaysTokenWithTheRightRole() throws Exception {
        String path = "/api/admin/events/SDC-BRUSSELS/registrations";
        Response anonymous = call("GET", path, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(call("GET", path, null, "Authorization", StaffTokens.bearer("press", "PRESS_OFFICER")).status()).isEqualTo(403);
        String forged = "Bearer " + StaffTokens.mint("another-secret-that-is-long-enough-0123456789", "conference-gateway",
                "mallory", "ORGANIZER");
        assertThat(call("GET", path, null, "Authorization", forged).status()).isEqualTo(401);
        String wrongIssuer = "Bearer " + StaffTokens.mint(StaffTokens.DEMO_SECRET, "someone-else", "mallory", "ORGANIZER");
        assertThat(call("GET", path, null, "Authorization", wrongIssuer).status()).isEqualTo(401);
        assertThat(call("GET", path, null, "Authorization", StaffTokens.bearer("org", "ORGANIZER")).status()).isEqualTo(200);
    }

    @Test
    void organisersCreateEventsAndExportAttendees() throws Exception {
        String code = createEvent("EXPORT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), 50, 5);
        Response again = call("POST", "/api/admin/events", """
                {"code":"%s","kind":"CONFERENCE","title":{"en":"x"},"startsAt":"2030-01-01T10:00:00Z",
                 "endsAt":"2030-01-02T10:00:00Z","timezone":"UTC","languages":["en"],"sessions":[]}""".formatted(code),
                "Authorization", StaffTokens.bearer("org", "ORGANIZER"));
        assertThat(again.status()).isEqualTo(409);
        String email = uniqueEmail();
        String body = form(email, "FV-SMALL").replace("\"Ana\"", "\"=cmd|' /C calc'!A0\"").replace("City of Lisbon", "Lisbon, \\\"PT\\\"");
        assertThat(call("POST", "/api/events/" + code + "/registrations", body).status()).isEqualTo(201);

        Response json = call("GET", "/api/admin/events/" + code + "/registrations", null,
                "Authorization", StaffTokens.bearer("org", "ORGANIZER"));
        assertThat(json.body().size()).isEqualTo(1);
        assertThat(json.body().get(0).get("email").asString()).isEqualTo(email);
        Response csv = call("GET", "/api/admin/events/" + code + "/registrations?session=FV-SMALL", null,
                "Authorization", StaffTokens.bearer("org", "ORGANIZER"), "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.raw().split("\r\n");
        assertThat(lines[0]).startsWith("id,status,firstName,lastName,email").endsWith(",createdAt,checkedInAt");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("\"'=cmd|' /C calc'!A0\"").contains("\"Lisbon, \"\"PT\"\"\"").contains(email);
        assertThat(call("GET", "/api/admin/events/" + code + "/registrations?session=NOPE", null,
                "Authorization", StaffTokens.bearer("org", "ORGANIZER")).status()).isEqualTo(400);
    }

    @Test
    void theSampleEventOfTheReadmeIsAcceptedAsItStands() throws Exception {
        String sample = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "examples", "event.json"));
        String code = "SAMPLE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Response created = call("POST", "/api/admin/events", sample.replace("\"GHENT-NIGHTLIFE-2027\"", "\"" + code + "\""),
                "Authorization", StaffTokens.bearer("org", "ORGANIZER"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        Response shown = call("GET", "/api/events/" + code, null);
        assertThat(shown.body().get("sessions").size()).isEqualTo(3);
        assertThat(shown.body().get("pressQuota").asInt()).isEqualTo(10);
    }

    @Test
    void invalidEventsAreRefusedNamingTheField() throws Exception {
        Response bad = call("POST", "/api/admin/events", """
                {"code":"bad code","kind":"PARTY","title":{},"startsAt":"2030-01-02T10:00:00Z","endsAt":"2030-01-01T10:00:00Z",
                 "timezone":"Mars/Olympus","languages":[],"sessions":[]}""",
                "Authorization", StaffTokens.bearer("org", "ORGANIZER"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").toString()).contains("kind");
        Response invalid = call("POST", "/api/admin/events", """
                {"code":"bad code","kind":"CONFERENCE","title":{},"startsAt":"2030-01-02T10:00:00Z","endsAt":"2030-01-01T10:00:00Z",
                 "timezone":"Mars/Olympus","languages":[],"sessions":[]}""",
                "Authorization", StaffTokens.bearer("org", "ORGANIZER"));
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        invalid.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("code", "languages");
    }
}
