package eu.efus.conference.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.RegistrationCheckedIn;
import eu.efus.conference.contracts.RegistrationConfirmed;
import eu.efus.conference.contracts.RegistrationPromoted;
import eu.efus.conference.registration.checkin.CheckInCodes;
import eu.efus.conference.registration.checkin.CheckInKeyBackfill;
import eu.efus.conference.registration.registration.Registration;
import eu.efus.conference.registration.registration.Registrations;
import eu.efus.conference.testsupport.Http.Response;
import eu.efus.conference.testsupport.StaffTokens;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The check-in desk: codes from the emails admit their holders once, at the event and when boarding sessions. */
class CheckInIT extends RegistrationServiceITBase {

    private static final String DESK = StaffTokens.bearer("desk-1", "CHECK_IN");
    private static final String ORGANISER = StaffTokens.bearer("org", "ORGANIZER");

    @Autowired CheckInCodes codes;
    @Autowired CheckInKeyBackfill backfill;
    @Autowired Registrations registrations;

    // --- helpers ------------------------------------------------------------------------------------------------------

    private String newEvent(int capacity, int visitCapacity) throws Exception {
        return createEvent("DESK-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT), capacity,
                visitCapacity);
    }

    private JsonNode register(String event, String lastName, String... sessions) throws Exception {
        Response created = call("POST", "/api/events/" + event + "/registrations",
                form(uniqueEmail(), sessions).replace("\"Example\"", "\"" + lastName + "\""));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    /** The check-in code the confirmation email carries, checked against the service's own signer. */
    private String emailedCode(String id) {
        String code = awaitEvent(id, EventTypes.REGISTRATION_CONFIRMED).dataAs(RegistrationConfirmed.class).checkInCode();
        assertThat(code).isEqualTo(codes.codeFor(id));
        return code;
    }

    private Response post(String body, String... authorization) throws Exception {
        return call("POST", "/api/checkin", body, authorization.length == 0 ? new String[] {"Authorization", DESK}
                : authorization);
    }

    private Response scan(String code, String session, String scannedAt) throws Exception {
        StringBuilder body = new StringBuilder("{\"code\":\"").append(code).append('"');
        if (session != null) {
            body.append(",\"session\":\"").append(session).append('"');
        }
        if (scannedAt != null) {
            body.append(",\"scannedAt\":\"").append(scannedAt).append('"');
        }
        return post(body.append('}').toString());
    }

    private Response admitted(String code, String session, String scannedAt) throws Exception {
        Response response = scan(code, session, scannedAt);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response;
    }

    private void refused(Response response, int status, String detail) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("detail")).contains(detail);
    }

    private String cancel(String id) throws Exception {
        String token = tokenOf(awaitEvent(id, EventTypes.REGISTRATION_CONFIRMED).dataAs(RegistrationConfirmed.class)
                .manageUrl());
        assertThat(call("DELETE", "/api/registrations/" + id, null, "X-Manage-Token", token).status()).isEqualTo(200);
        return id;
    }

    private List<CloudEvent> checkIns(String id) {
        return eventsFor(id).stream().filter(e -> e.type().equals(EventTypes.REGISTRATION_CHECKED_IN)).toList();
    }

    /** Waits until {@code count} check-in facts were published for {@code id}, and that no more follow. */
    private List<CloudEvent> awaitCheckIns(String id, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> checkIns(id).size() >= count);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> checkIns(id).size() == count);
        return checkIns(id);
    }

    private static String golden(String type) throws Exception {
        try (InputStream in = CheckInIT.class.getResourceAsStream("/golden/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The fact has the golden sample's envelope and fields (a null {@code session} is left out, as every null is). */
    private static void assertShapeOfTheGoldenSample(CloudEvent fact, String id) throws Exception {
        CloudEvent sample = CloudEventCodec.fromJson(golden(EventTypes.REGISTRATION_CHECKED_IN));
        assertThat(fact.source()).isEqualTo(sample.source());
        assertThat(fact.specversion()).isEqualTo(sample.specversion());
        assertThat(fact.subject()).isEqualTo(id);
        List<String> expected = new ArrayList<>(sample.data().propertyNames());
        if (fact.dataAs(RegistrationCheckedIn.class).session() == null) {
            expected.remove("session");
        }
        assertThat(fact.data().propertyNames()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static OffsetDateTime time(Response response) {
        return OffsetDateTime.parse(response.text("checkedInAt"));
    }

    // --- the desk ------------------------------------------------------------------------------------------------------

    @Test
    void theFirstScanAdmitsAndTheNextOnesSaySoWithTheFirstTimeAndTheFactIsPublishedOnce() throws Exception {
        String event = newEvent(50, 5);
        String id = register(event, "Silva", "FV-SMALL").get("id").asString();
        String code = emailedCode(id);

        Response first = admitted(code, null, null);
        assertThat(first.text("registrationId")).isEqualTo(id);
        assertThat(first.text("eventCode")).isEqualTo(event);
        assertThat(first.text("firstName")).isEqualTo("Ana");
        assertThat(first.text("lastName")).isEqualTo("Silva");
        assertThat(first.text("organisation")).isEqualTo("City of Lisbon");
        assertThat(first.text("country")).isEqualTo("PT");
        assertThat(first.text("category")).isEqualTo("LOCAL_AUTHORITY");
        assertThat(first.body().get("session").isNull()).isTrue();
        assertThat(first.body().get("sessions")).singleElement().satisfies(s -> {
            assertThat(s.get("code").asString()).isEqualTo("FV-SMALL");
            assertThat(s.get("status").asString()).isEqualTo("CONFIRMED");
        });
        assertThat(first.body().get("alreadyCheckedIn").asBoolean()).isFalse();
        assertThat(first.raw()).as("no personal data beyond the badge's").doesNotContain("@", "vegetarian", "dietary",
                "accessibility");

        // Scanned again, at another desk, as typed by hand: the first admission stands.
        String typed = code.replace("-", " ").toLowerCase(Locale.ROOT);
        Response again = post("{\"code\":\"" + typed + "\"}", "Authorization", StaffTokens.bearer("desk-2", "CHECK_IN"));
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().get("alreadyCheckedIn").asBoolean()).isTrue();
        assertThat(time(again)).isEqualTo(time(first));

        CloudEvent fact = awaitCheckIns(id, 1).get(0);
        RegistrationCheckedIn data = fact.dataAs(RegistrationCheckedIn.class);
        assertThat(data).isEqualTo(new RegistrationCheckedIn(id, event, null, data.checkedInAt(), "desk-1"));
        assertThat(data.checkedInAt().toInstant()).isEqualTo(time(first).toInstant());
        assertShapeOfTheGoldenSample(fact, id);

        // The organiser's list shows the arrival, in JSON and as the CSV's last column.
        JsonNode attendee = call("GET", "/api/admin/events/" + event + "/registrations", null, "Authorization", ORGANISER)
                .body().get(0);
        assertThat(OffsetDateTime.parse(attendee.get("checkedInAt").asString()).toInstant()).isEqualTo(time(first).toInstant());
        assertThat(attendee.get("sessions").get(0).get("checkedInAt").isNull()).isTrue();
        String[] csv = call("GET", "/api/admin/events/" + event + "/registrations", null, "Authorization", ORGANISER,
                "Accept", "text/csv").raw().split("\r\n");
        assertThat(csv[0]).endsWith(",createdAt,checkedInAt");
        assertThat(csv[1]).endsWith("," + time(first).toInstant().atOffset(ZoneOffset.UTC));
    }

    @Test
    void aCodeNoRegistrationHasIsNotFoundAndAMissingOneIsInvalid() throws Exception {
        String event = newEvent(50, 5);
        String id = register(event, "Silva").get("id").asString();
        String code = emailedCode(id);
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        char last = code.charAt(code.length() - 1);
        String forged = code.substring(0, code.length() - 1) + alphabet.charAt((alphabet.indexOf(last) + 1) % 32);
        assertThat(CheckInCodes.normalise(forged)).as("well formed").isNotNull();
        refused(scan(forged, null, null), 404, "No registration has this check-in code");
        refused(scan(codes.codeFor("r-never-registered"), null, null), 404, "No registration has this check-in code");
        refused(scan(new CheckInCodes("someone-elses-check-in-secret-0123456789").codeFor(id), null, null), 404,
                "No registration");
        refused(scan("HELLO", null, null), 404, "not a check-in code");

        Response blank = post("{\"code\":\"  \"}");
        refused(blank, 400, "code");
        assertThat(blank.problemFields()).containsExactly("code");
        assertThat(post("{}").problemFields()).containsExactly("code");
        assertThat(post("{\"code\":\"" + code + "\",\"badge\":true}").problemFields()).containsExactly("badge");
        assertThat(checkIns(id)).isEmpty();
    }

    @Test
    void cancelledOrWaitingForTheEventIsAConflictUntilASeatIsGiven() throws Exception {
        String event = newEvent(1, 5);
        String holder = register(event, "Silva").get("id").asString();
        JsonNode waiting = register(event, "Costa");
        assertThat(waiting.get("status").asString()).isEqualTo("WAITLISTED");
        String waitingId = waiting.get("id").asString();
        // The waiting-list email carries no code; the person may still show the code of a promotion they missed.
        refused(scan(codes.codeFor(waitingId), null, null), 409, "waiting list of the event");

        String holderCode = emailedCode(holder);
        cancel(holder);
        refused(scan(holderCode, null, null), 409, "cancelled");

        RegistrationPromoted promoted = awaitEvent(waitingId, EventTypes.REGISTRATION_PROMOTED).dataAs(RegistrationPromoted.class);
        assertThat(promoted.checkInCode()).isEqualTo(codes.codeFor(waitingId));
        assertThat(admitted(promoted.checkInCode(), null, null).body().get("alreadyCheckedIn").asBoolean()).isFalse();
        assertThat(checkIns(holder)).isEmpty();
    }

    @Test
    void boardingASessionNeedsASeatInItAndAlsoRecordsTheArrival() throws Exception {
        String event = newEvent(50, 1);
        String seated = register(event, "Silva", "FV-SMALL", "W-BIG").get("id").asString();
        JsonNode queued = register(event, "Costa", "FV-SMALL");
        assertThat(queued.get("sessions").get(0).get("status").asString()).isEqualTo("WAITLISTED");
        String other = register(event, "Pereira").get("id").asString();

        Response boarded = admitted(emailedCode(seated), "FV-SMALL", null);
        assertThat(boarded.text("session")).isEqualTo("FV-SMALL");
        assertThat(boarded.body().get("alreadyCheckedIn").asBoolean()).isFalse();
        assertThat(admitted(emailedCode(seated), "FV-SMALL", null).body().get("alreadyCheckedIn").asBoolean()).isTrue();
        Response atTheDoor = admitted(emailedCode(seated), null, null);
        assertThat(atTheDoor.body().get("alreadyCheckedIn").asBoolean()).as("boarding recorded the arrival").isTrue();
        assertThat(time(atTheDoor)).isEqualTo(time(boarded));

        refused(scan(emailedCode(queued.get("id").asString()), "FV-SMALL", null), 409, "waiting list of session FV-SMALL");
        refused(scan(emailedCode(other), "FV-SMALL", null), 409, "did not choose session FV-SMALL");
        Response unknown = scan(emailedCode(other), "NO-SUCH-SESSION", null);
        refused(unknown, 400, "session");
        assertThat(unknown.problemFields()).containsExactly("session");

        List<CloudEvent> facts = awaitCheckIns(seated, 2);
        assertThat(facts).extracting(f -> f.dataAs(RegistrationCheckedIn.class).session())
                .containsExactlyInAnyOrder(null, "FV-SMALL");
        for (CloudEvent fact : facts) {
            assertShapeOfTheGoldenSample(fact, seated);
        }
        assertThat(checkIns(other)).isEmpty();
    }

    @Test
    void theEarliestTimeAnOfflineDeskReportsWinsWithoutASecondFact() throws Exception {
        String event = newEvent(50, 5);
        String id = register(event, "Silva").get("id").asString();
        String code = emailedCode(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Response tenMinutesAgo = admitted(code, null, now.minus(10, ChronoUnit.MINUTES).toString());
        assertThat(time(tenMinutesAgo).toInstant()).isEqualTo(now.minus(10, ChronoUnit.MINUTES));
        assertThat(tenMinutesAgo.body().get("alreadyCheckedIn").asBoolean()).isFalse();

        String halfAnHourAgoInBrussels = now.minus(30, ChronoUnit.MINUTES).atZone(java.time.ZoneId.of("Europe/Brussels"))
                .toOffsetDateTime().toString();
        Response earlier = admitted(code, null, halfAnHourAgoInBrussels);
        assertThat(earlier.body().get("alreadyCheckedIn").asBoolean()).isTrue();
        assertThat(time(earlier).toInstant()).isEqualTo(now.minus(30, ChronoUnit.MINUTES));
        Response later = admitted(code, null, now.minus(5, ChronoUnit.MINUTES).toString());
        assertThat(time(later).toInstant()).isEqualTo(now.minus(30, ChronoUnit.MINUTES));
        assertThat(time(admitted(code, null, null)).toInstant()).isEqualTo(now.minus(30, ChronoUnit.MINUTES));

        List<CloudEvent> facts = awaitCheckIns(id, 1);
        assertThat(facts.get(0).dataAs(RegistrationCheckedIn.class).checkedInAt().toInstant())
                .isEqualTo(now.minus(10, ChronoUnit.MINUTES));

        for (String bad : List.of("yesterday", "2027-03-18T08:41:07", now.plus(10, ChronoUnit.MINUTES).toString())) {
            Response refused = scan(code, null, bad);
            refused(refused, 400, "scannedAt");
            assertThat(refused.problemFields()).as(bad).containsExactly("scannedAt");
        }
        // A desk clock slightly ahead is accepted, as its own time.
        String late = register(event, "Costa").get("id").asString();
        Instant ahead = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        assertThat(time(admitted(emailedCode(late), null, ahead.toString())).toInstant()).isEqualTo(ahead);
    }

    // --- who may ---------------------------------------------------------------------------------------------------

    @Test
    void onlyCheckInDesksAndOrganisersMayScanAndDesksSeeNothingOfTheOrganisersPages() throws Exception {
        String event = newEvent(50, 5);
        String code = emailedCode(register(event, "Silva").get("id").asString());
        String body = "{\"code\":\"" + code + "\"}";
        String roster = "/api/checkin/events/" + event + "/roster";

        Response anonymous = call("POST", "/api/checkin", body);
        refused(anonymous, 401, "Staff credentials are required");
        refused(call("GET", roster, null), 401, "Staff credentials are required");
        String press = StaffTokens.bearer("press", "PRESS_OFFICER");
        refused(post(body, "Authorization", press), 403, "Your role does not allow this");
        refused(call("GET", roster, null, "Authorization", press), 403, "Your role does not allow this");

        assertThat(post(body, "Authorization", DESK).status()).isEqualTo(200);
        assertThat(post(body, "Authorization", ORGANISER).status()).isEqualTo(200);
        assertThat(call("GET", roster, null, "Authorization", DESK).status()).isEqualTo(200);
        assertThat(call("GET", roster, null, "Authorization", ORGANISER).status()).isEqualTo(200);

        for (String path : List.of("/api/admin/events", "/api/admin/events/" + event + "/registrations",
                "/api/admin/events/" + event + "/arrivals")) {
            refused(call("GET", path, null, "Authorization", DESK), 403, "Your role does not allow this");
        }
    }

    // --- the roster and the arrival counts ------------------------------------------------------------------------

    @Test
    void theRosterListsWhoMayBeScannedWithoutContactDataAndTheArrivalsCountThoseAdmitted() throws Exception {
        String event = newEvent(2, 1);
        String zola = register(event, "Zola", "FV-SMALL").get("id").asString();
        String alvarez = register(event, "Álvarez", "FV-SMALL").get("id").asString();
        String martin = register(event, "Martin").get("id").asString();
        String vries = register(event, "de Vries").get("id").asString();
        // Martin leaves the waiting list: cancelled; de Vries keeps waiting for a seat.
        String martinToken = tokenOf(awaitEvent(martin, EventTypes.REGISTRATION_WAITLISTED)
                .dataAs(eu.efus.conference.contracts.RegistrationWaitlisted.class).manageUrl());
        assertThat(call("DELETE", "/api/registrations/" + martin, null, "X-Manage-Token", martinToken).status()).isEqualTo(200);

        admitted(emailedCode(zola), "FV-SMALL", null);
        admitted(emailedCode(alvarez), null, null);

        Response response = call("GET", "/api/checkin/events/" + event + "/roster", null, "Authorization", DESK);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode roster = response.body();
        assertThat(roster.get("eventCode").asString()).isEqualTo(event);
        assertThat(OffsetDateTime.parse(roster.get("generatedAt").asString()).toInstant())
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        JsonNode visit = roster.get("sessions").get(0);
        assertThat(visit.get("code").asString()).isEqualTo("FV-SMALL");
        assertThat(visit.get("kind").asString()).isEqualTo("FIELD_VISIT");
        assertThat(visit.get("title").get("en").asString()).isEqualTo("Visit");
        assertThat(visit.get("capacity").asInt()).isEqualTo(1);
        assertThat(visit.has("startsAt")).isTrue();
        assertThat(roster.get("sessions").get(1).get("capacity").isNull()).isTrue();

        List<String> order = new ArrayList<>();
        roster.get("attendees").forEach(a -> order.add(a.get("lastName").asString()));
        assertThat(order).containsExactly("Álvarez", "de Vries", "Martin", "Zola");
        List<String> statuses = new ArrayList<>();
        roster.get("attendees").forEach(a -> statuses.add(a.get("status").asString()));
        assertThat(statuses).containsExactly("CONFIRMED", "WAITLISTED", "CANCELLED", "CONFIRMED");
        for (JsonNode attendee : roster.get("attendees")) {
            String id = attendee.get("registrationId").asString();
            assertThat(attendee.get("codeKey").asString()).isEqualTo(codes.keyFor(id))
                    .isEqualTo(CheckInCodes.key(CheckInCodes.normalise(codes.codeFor(id))));
            assertThat(attendee.propertyNames()).containsExactlyInAnyOrder("registrationId", "codeKey", "status",
                    "firstName", "lastName", "organisation", "country", "category", "sessions", "checkedInAt");
        }
        assertThat(response.raw()).as("no contact or health data, no code").doesNotContain("@", "vegetarian")
                .doesNotContain(emailedCode(zola), emailedCode(zola).replace("-", ""));
        JsonNode zolaEntry = roster.get("attendees").get(3);
        assertThat(zolaEntry.get("checkedInAt").isNull()).isFalse();
        assertThat(zolaEntry.get("sessions").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(zolaEntry.get("sessions").get(0).get("checkedInAt").isNull()).isFalse();
        JsonNode alvarezEntry = roster.get("attendees").get(0);
        assertThat(alvarezEntry.get("sessions").get(0).get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(alvarezEntry.get("sessions").get(0).get("checkedInAt").isNull()).isTrue();
        assertThat(roster.get("attendees").get(1).get("checkedInAt").isNull()).isTrue();

        JsonNode arrivals = call("GET", "/api/admin/events/" + event + "/arrivals", null, "Authorization", ORGANISER).body();
        assertThat(arrivals.get("eventCode").asString()).isEqualTo(event);
        assertThat(arrivals.get("confirmed").asInt()).as("the waiting and the cancelled hold no seat").isEqualTo(2);
        assertThat(arrivals.get("checkedIn").asInt()).as("boarding counts as arriving").isEqualTo(2);
        List<String> sessions = new ArrayList<>();
        arrivals.get("sessions").forEach(s -> sessions.add(s.get("code").asString() + " " + s.get("confirmed").asInt()
                + " " + s.get("checkedIn").asInt()));
        assertThat(sessions).containsExactly("FV-SMALL 1 1", "W-BIG 0 0");

        assertThat(call("GET", "/api/checkin/events/NO-SUCH-EVENT/roster", null, "Authorization", DESK).status())
                .isEqualTo(404);
        assertThat(call("GET", "/api/admin/events/NO-SUCH-EVENT/arrivals", null, "Authorization", ORGANISER).status())
                .isEqualTo(404);
    }

    // --- registrations stored before check-in codes existed -----------------------------------------------------

    @Test
    void olderRegistrationsGetTheirKeyOnceAndNoWriteRemovesIt() throws Exception {
        String event = newEvent(50, 5);
        String id = register(event, "Silva").get("id").asString();
        String code = emailedCode(id);
        Document byId = new Document("_id", id);
        mongo.getCollection("registrations").updateOne(byId, new Document("$unset", new Document("checkInKey", "")));
        Registration stale = registrations.find(id).orElseThrow();
        assertThat(stale.checkInKey()).isNull();
        refused(scan(code, null, null), 404, "No registration has this check-in code");
        // The roster still names the code: the desk can admit the person offline meanwhile.
        JsonNode entry = call("GET", "/api/checkin/events/" + event + "/roster", null, "Authorization", DESK).body()
                .get("attendees").get(0);
        assertThat(entry.get("codeKey").asString()).isEqualTo(codes.keyFor(id));

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);
        assertThat(mongo.getCollection("registrations").find(byId).first().getString("checkInKey"))
                .isEqualTo(codes.keyFor(id));
        assertThat(backfill.run()).as("a second pass finds nothing to do").isZero();

        // A transition computed from the state read before the key was given keeps the key.
        registrations.save(stale, stale.checkIn(null, Instant.now(), "desk-1", Instant.now()).orElseThrow()).orElseThrow();
        assertThat(mongo.getCollection("registrations").find(byId).first().getString("checkInKey"))
                .isEqualTo(codes.keyFor(id));
        assertThat(admitted(code, null, null).body().get("alreadyCheckedIn").asBoolean()).isTrue();
    }
}
