package eu.efus.conference.accreditation;

import eu.efus.conference.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.contracts.AccreditationRequested;
import eu.efus.conference.contracts.AccreditationWithdrawn;
import eu.efus.conference.contracts.EventTypes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** What a journalist does and sees: request, the private link, duplicates, closed windows, withdrawal. */
class JournalistJourneyIT extends AccreditationServiceITBase {

    @Test
    void aRequestIsAcceptedAndItsReceivedEventCarriesAWorkingPrivateLink() throws Exception {
        String code = openEvent(40);
        String email = uniqueEmail();
        Response created = call("POST", "/api/events/" + code + "/accreditations", formIn(email.toUpperCase(), "en", "RADIO"));
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        String id = created.text("id");
        assertThat(created.headers().firstValue("Location")).contains("/api/accreditations/" + id);
        assertThat(created.text("eventCode")).isEqualTo(code);
        assertThat(created.text("status")).isEqualTo("PENDING");
        assertThat(OffsetDateTime.parse(created.text("createdAt"))).isNotNull();
        assertThat(created.raw()).doesNotContain("token").doesNotContain("privateUrl");

        AccreditationRequested received = awaitEvent(id, EventTypes.ACCREDITATION_RECEIVED).dataAs(AccreditationRequested.class);
        assertThat(received.accreditationId()).isEqualTo(id);
        assertThat(received.journalist().email()).as("normalised").isEqualTo(email);
        assertThat(received.journalist().mediaType()).isEqualTo("RADIO");
        assertThat(received.journalist().pressCardNumber()).isEqualTo("BE-12345");
        assertThat(received.language()).isEqualTo("en");
        assertThat(received.coverageNotes()).isEqualTo("Interview with the president");
        assertThat(received.event().code()).isEqualTo(code);
        assertThat(received.event().title().en()).isEqualTo(goldenEvent().title().en());
        assertThat(received.event().startsAt().getOffset()).isEqualTo(goldenEvent().startsAt().getOffset());
        assertThat(received.privateUrl()).startsWith(BASE_URL + "/accreditation#id=" + id + "&token=");
        String token = tokenOf(received.privateUrl());
        assertThat(mongo.getCollection("accreditations").find(new Document("_id", id)).first().toJson())
                .as("the token is stored only as a hash").doesNotContain(token);

        Response seen = call("GET", "/api/accreditations/" + id, null, "X-Manage-Token", token);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().propertyNames()).containsExactlyInAnyOrder("id", "eventCode", "status", "question", "answer",
                "reason", "createdAt");
        assertThat(seen.text("status")).isEqualTo("PENDING");
        assertThat(seen.text("createdAt")).isEqualTo(created.text("createdAt"));
        assertThat(seen.raw()).as("the journalist view shows no audit trail or personal data").doesNotContain(email)
                .doesNotContain("history");

        assertThat(call("GET", "/api/accreditations/" + id, null, "X-Manage-Token", token + "x").status()).isEqualTo(404);
        assertThat(call("GET", "/api/accreditations/" + id, null).status()).isEqualTo(404);
        Response unknown = call("GET", "/api/accreditations/unknown-id", null, "X-Manage-Token", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.text("detail")).as("never reveal which of id and token was wrong")
                .isEqualTo(call("GET", "/api/accreditations/" + id, null, "X-Manage-Token", "wrong").text("detail"));
    }

    @Test
    void oneActiveRequestPerEventAndEmail() throws Exception {
        String code = openEvent(null);
        String email = uniqueEmail();
        Submitted first = submit(code, email);
        Response duplicate = call("POST", "/api/events/" + code + "/accreditations", form(email.toUpperCase()));
        assertThat(duplicate.status()).as(duplicate.raw()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(call("POST", "/api/events/" + openEvent(null) + "/accreditations", form(email)).status())
                .as("another event is fine").isEqualTo(202);
        assertThat(mongo.getCollection("accreditations").countDocuments(new Document("eventCode", code))).isEqualTo(1);

        // Approved still counts as active; withdrawn does not.
        assertThat(call("DELETE", "/api/accreditations/" + first.id(), null, "X-Manage-Token", first.token()).status())
                .isEqualTo(200);
        Submitted again = submit(code, email);
        assertThat(decide(again.id(), "APPROVED", null, "officer").status()).isEqualTo(200);
        assertThat(call("POST", "/api/events/" + code + "/accreditations", form(email)).status()).isEqualTo(409);
    }

    @Test
    void theSameIdempotencyKeyAnswersWithTheFirstRequestAndAnotherBodyIsRefused() throws Exception {
        String code = openEvent(null);
        String email = uniqueEmail();
        String key = "press-" + java.util.UUID.randomUUID();
        Response first = call("POST", "/api/events/" + code + "/accreditations", form(email), "Idempotency-Key", key);
        Response again = call("POST", "/api/events/" + code + "/accreditations", form(email), "Idempotency-Key", key);
        assertThat(first.status()).as(first.raw()).isEqualTo(202);
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        Response other = call("POST", "/api/events/" + code + "/accreditations", form(uniqueEmail()), "Idempotency-Key", key);
        assertThat(other.status()).as(other.raw()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        Response tooLong = call("POST", "/api/events/" + code + "/accreditations", form(uniqueEmail()), "Idempotency-Key",
                "k".repeat(65));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.raw()).contains("Idempotency-Key");
        assertThat(mongo.getCollection("accreditations").countDocuments(new Document("eventCode", code))).isEqualTo(1);

        // One "received" email: the replay sent nothing. A later withdrawal of the same request is the marker.
        awaitEvent(first.text("id"), EventTypes.ACCREDITATION_RECEIVED);
        String token = tokenOf(awaitEvent(first.text("id"), EventTypes.ACCREDITATION_RECEIVED)
                .dataAs(AccreditationRequested.class).privateUrl());
        assertThat(call("DELETE", "/api/accreditations/" + first.text("id"), null, "X-Manage-Token", token).status())
                .isEqualTo(200);
        awaitEvent(first.text("id"), EventTypes.ACCREDITATION_WITHDRAWN);
        assertThat(count(first.text("id"), EventTypes.ACCREDITATION_RECEIVED)).isEqualTo(1);
    }

    @Test
    void aRequestRepeatedWithItsKeyAfterTheWindowClosedGetsItsFirstAnswer() throws Exception {
        // A client whose call was cut off repeats it with the same key; meanwhile the window closed.
        String code = uniqueCode("LATE");
        var open = openEventDetails(code, 10);
        announce(EventTypes.EVENT_CREATED, open, OffsetDateTime.now(ZoneOffset.UTC));
        awaitCopy(code, copy -> true);
        String email = uniqueEmail();
        String key = "press-" + java.util.UUID.randomUUID();
        Response first = call("POST", "/api/events/" + code + "/accreditations", form(email), "Idempotency-Key", key);
        assertThat(first.status()).as(first.raw()).isEqualTo(202);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        announce(EventTypes.EVENT_UPDATED, new eu.efus.conference.contracts.EventDetails(code, open.kind(), open.title(),
                open.venue(), open.city(), open.country(), open.startsAt(), open.endsAt(), open.timezone(), open.languages(),
                now.minusDays(3), now.minusMinutes(1), 10), now.plusSeconds(1));
        awaitCopy(code, copy -> !copy.requestsOpen(java.time.Instant.now()));

        Response again = call("POST", "/api/events/" + code + "/accreditations", form(email), "Idempotency-Key", key);
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        Response otherBody = call("POST", "/api/events/" + code + "/accreditations", form(uniqueEmail()),
                "Idempotency-Key", key);
        assertThat(otherBody.status()).as(otherBody.raw()).isEqualTo(422);
        Response newcomer = call("POST", "/api/events/" + code + "/accreditations", form(uniqueEmail()),
                "Idempotency-Key", "press-" + java.util.UUID.randomUUID());
        assertThat(newcomer.status()).as(newcomer.raw()).isEqualTo(409);
        assertThat(mongo.getCollection("accreditations").countDocuments(new Document("eventCode", code))).isEqualTo(1);
    }

    @Test
    void unknownEventsAre404AndClosedWindowsAre409() throws Exception {
        Response unknown = call("POST", "/api/events/NO-SUCH-EVENT/accreditations", form(uniqueEmail()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String closed = uniqueCode("CLOSED");
        var open = openEventDetails(closed, 10);
        announce(EventTypes.EVENT_CREATED, new eu.efus.conference.contracts.EventDetails(closed, open.kind(), open.title(),
                open.venue(), open.city(), open.country(), open.startsAt(), open.endsAt(), open.timezone(), open.languages(),
                now.minusDays(3), now.minusDays(1), 10), now);
        awaitCopy(closed, copy -> true);
        Response refused = call("POST", "/api/events/" + closed + "/accreditations", form(uniqueEmail()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("closed");

        String notYet = uniqueCode("SOON");
        announce(EventTypes.EVENT_CREATED, new eu.efus.conference.contracts.EventDetails(notYet, open.kind(), open.title(),
                open.venue(), open.city(), open.country(), open.startsAt(), open.endsAt(), open.timezone(), open.languages(),
                now.plusDays(1), null, 10), now);
        awaitCopy(notYet, copy -> true);
        assertThat(call("POST", "/api/events/" + notYet + "/accreditations", form(uniqueEmail())).status()).isEqualTo(409);
        assertThat(mongo.getCollection("accreditations").countDocuments(
                new Document("eventCode", new Document("$in", java.util.List.of(closed, notYet))))).isZero();
    }

    @Test
    void withdrawingIsIdempotentAndFinal() throws Exception {
        String code = openEvent(null);
        Submitted s = submit(code, uniqueEmail());
        Response withdrawn = call("DELETE", "/api/accreditations/" + s.id(), null, "X-Manage-Token", s.token());
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
        Response again = call("DELETE", "/api/accreditations/" + s.id(), null, "X-Manage-Token", s.token());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(withdrawn.body());

        AccreditationWithdrawn fact = awaitEvent(s.id(), EventTypes.ACCREDITATION_WITHDRAWN).dataAs(AccreditationWithdrawn.class);
        assertThat(fact.journalist().email()).isEqualTo(s.email());
        assertThat(fact.event().code()).isEqualTo(code);
        assertStays(s.id(), EventTypes.ACCREDITATION_WITHDRAWN, 1);

        assertThat(decide(s.id(), "APPROVED", null, "officer").status()).as("nothing to decide on a withdrawn request")
                .isEqualTo(409);
        Response history = staffView(s.id());
        assertThat(history.body().get("history")).hasSize(2);
        assertThat(history.body().get("history").get(1).get("by").asString()).isEqualTo("journalist");
        assertThat(history.body().get("history").get(1).get("to").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void approvedOrRejectedRequestsCannotBeWithdrawn() throws Exception {
        String code = openEvent(null);
        Submitted approved = submit(code, uniqueEmail());
        Submitted rejected = submit(code, uniqueEmail());
        assertThat(decide(approved.id(), "APPROVED", null, "officer").status()).isEqualTo(200);
        assertThat(decide(rejected.id(), "REJECTED", "Not covering the event", "officer").status()).isEqualTo(200);
        Response refused = call("DELETE", "/api/accreditations/" + approved.id(), null, "X-Manage-Token", approved.token());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(call("DELETE", "/api/accreditations/" + rejected.id(), null, "X-Manage-Token", rejected.token()).status())
                .isEqualTo(409);
        assertThat(call("GET", "/api/accreditations/" + approved.id(), null, "X-Manage-Token", approved.token())
                .text("status")).isEqualTo("APPROVED");
        assertThat(count(approved.id(), EventTypes.ACCREDITATION_WITHDRAWN)).isZero();
    }

    @Test
    void aJournalistsTokenNeverOpensAnotherRequest() throws Exception {
        String code = openEvent(null);
        Submitted mine = submit(code, uniqueEmail());
        Submitted theirs = submit(code, uniqueEmail());
        assertThat(decide(theirs.id(), "NEEDS_INFO", "Which outlet?", "officer").status()).isEqualTo(200);

        assertThat(call("GET", "/api/accreditations/" + theirs.id(), null, "X-Manage-Token", mine.token()).status())
                .isEqualTo(404);
        assertThat(call("POST", "/api/accreditations/" + theirs.id() + "/info", "{\"answer\":\"hijack\"}",
                "X-Manage-Token", mine.token()).status()).isEqualTo(404);
        assertThat(call("DELETE", "/api/accreditations/" + theirs.id(), null, "X-Manage-Token", mine.token()).status())
                .isEqualTo(404);
        Response untouched = call("GET", "/api/accreditations/" + theirs.id(), null, "X-Manage-Token", theirs.token());
        assertThat(untouched.text("status")).isEqualTo("NEEDS_INFO");
        assertThat(untouched.text("answer")).isNull();
    }

    @Test
    void answeringWhenNoQuestionWaitsIsAConflict() throws Exception {
        Submitted s = submit(openEvent(null), uniqueEmail());
        Response refused = call("POST", "/api/accreditations/" + s.id() + "/info", "{\"answer\":\"here you are\"}",
                "X-Manage-Token", s.token());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(count(s.id(), EventTypes.ACCREDITATION_INFO_PROVIDED)).isZero();
    }
}
