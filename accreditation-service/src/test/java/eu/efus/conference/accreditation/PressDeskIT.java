package eu.efus.conference.accreditation;

import eu.efus.conference.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.contracts.AccreditationApproved;
import eu.efus.conference.contracts.AccreditationInfoProvided;
import eu.efus.conference.contracts.AccreditationInfoRequested;
import eu.efus.conference.contracts.AccreditationRejected;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.testsupport.StaffTokens;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The press officer's desk: list, approve, reject, ask for information, the audit trail, and who may do it. */
class PressDeskIT extends AccreditationServiceITBase {

    static List<String> ids(Response list) {
        List<String> ids = new ArrayList<>();
        list.body().forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void theDeskListsRequestsByEventAndStatusInArrivalOrder() throws Exception {
        String code = openEvent(null);
        Submitted a = submit(code, uniqueEmail());
        Submitted b = submit(code, uniqueEmail());
        Submitted c = submit(code, uniqueEmail());
        assertThat(decide(b.id(), "APPROVED", null, "anna").status()).isEqualTo(200);
        assertThat(decide(c.id(), "REJECTED", "Outside our scope", "anna").status()).isEqualTo(200);

        Response all = call("GET", "/api/accreditations?event=" + code, null, "Authorization", officer("anna"));
        assertThat(all.status()).isEqualTo(200);
        assertThat(ids(all)).containsExactly(a.id(), b.id(), c.id());
        JsonNode first = all.body().get(0);
        assertThat(first.propertyNames()).contains("id", "eventCode", "status", "journalist", "mediaOutlet", "mediaType",
                "createdAt", "decidedAt", "decidedBy", "reason", "question", "answer").doesNotContain("history",
                "tokenHashes", "activeKey", "pendingEvents", "version");
        assertThat(first.get("journalist").propertyNames()).containsExactlyInAnyOrder("firstName", "lastName", "email",
                "country", "pressCardNumber");
        assertThat(first.get("journalist").get("email").asString()).isEqualTo(a.email());
        assertThat(first.get("mediaOutlet").asString()).isEqualTo("Le Soir");
        assertThat(first.get("mediaType").asString()).isEqualTo("PRINT");

        assertThat(ids(call("GET", "/api/accreditations?event=" + code + "&status=PENDING", null,
                "Authorization", officer("anna")))).containsExactly(a.id());
        Response rejected = call("GET", "/api/accreditations?event=" + code + "&status=REJECTED", null,
                "Authorization", officer("anna"));
        assertThat(ids(rejected)).containsExactly(c.id());
        assertThat(rejected.body().get(0).get("reason").asString()).isEqualTo("Outside our scope");
        assertThat(rejected.body().get(0).get("decidedBy").asString()).isEqualTo("anna");
        assertThat(ids(call("GET", "/api/accreditations?status=APPROVED", null, "Authorization", officer("anna"))))
                .as("without an event: across events").contains(b.id()).doesNotContain(a.id(), c.id());

        Response badStatus = call("GET", "/api/accreditations?event=" + code + "&status=MAYBE", null,
                "Authorization", officer("anna"));
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.contentType()).startsWith("application/problem+json");
        assertThat(badStatus.body().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(call("GET", "/api/accreditations?event=NO-SUCH-EVENT", null, "Authorization", officer("anna")).status())
                .isEqualTo(404);
    }

    @Test
    void approvingRecordsWhoAndWhenPublishesOnceAndRepeatingChangesNothing() throws Exception {
        String code = openEvent(40);
        Submitted s = submit(code, uniqueEmail());
        Response approved = decide(s.id(), "APPROVED", null, "anna.officer");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.text("decidedBy")).isEqualTo("anna.officer");
        assertThat(OffsetDateTime.parse(approved.text("decidedAt"))).isAfterOrEqualTo(OffsetDateTime.parse(approved.text("createdAt")));
        assertThat(approved.body().get("journalist").get("email").asString()).isEqualTo(s.email());

        AccreditationApproved fact = awaitEvent(s.id(), EventTypes.ACCREDITATION_APPROVED).dataAs(AccreditationApproved.class);
        assertThat(fact.decidedBy()).isEqualTo("anna.officer");
        assertThat(fact.journalist().email()).isEqualTo(s.email());
        assertThat(fact.journalist().mediaOutlet()).isEqualTo("Le Soir");
        assertThat(fact.event().code()).isEqualTo(code);
        assertThat(fact.language()).isEqualTo("fr");

        JsonNode history = staffView(s.id()).body().get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("from").isNull()).isTrue();
        assertThat(history.get(0).get("to").asString()).isEqualTo("PENDING");
        assertThat(history.get(0).get("by").asString()).isEqualTo("journalist");
        assertThat(history.get(1).get("from").asString()).isEqualTo("PENDING");
        assertThat(history.get(1).get("to").asString()).isEqualTo("APPROVED");
        assertThat(history.get(1).get("by").asString()).isEqualTo("anna.officer");
        assertThat(history.get(1).get("at").asString()).isEqualTo(approved.text("decidedAt"));

        Response again = decide(s.id(), "APPROVED", null, "bob.officer");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).as("unchanged, still decided by the first officer").isEqualTo(approved.body());
        assertThat(decide(s.id(), "REJECTED", "Changed my mind", "bob.officer").status()).isEqualTo(409);
        assertThat(decide(s.id(), "NEEDS_INFO", "One more thing", "bob.officer").status()).isEqualTo(409);
        assertStays(s.id(), EventTypes.ACCREDITATION_APPROVED, 1);
        assertThat(count(s.id(), EventTypes.ACCREDITATION_REJECTED)).isZero();
        assertThat(staffView(s.id()).body().get("history")).hasSize(2);
    }

    @Test
    void rejectingNeedsAReasonAndTellsIt() throws Exception {
        Submitted s = submit(openEvent(null), uniqueEmail());
        for (String body : List.of("{\"decision\":\"REJECTED\"}", "{\"decision\":\"REJECTED\",\"reason\":\"  \"}",
                "{\"decision\":\"NEEDS_INFO\",\"reason\":null}")) {
            Response refused = call("POST", "/api/accreditations/" + s.id() + "/decision", body, "Authorization", officer("anna"));
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        }
        assertThat(staffView(s.id()).text("status")).as("nothing changed").isEqualTo("PENDING");

        Response rejected = decide(s.id(), "REJECTED", "We only accredit journalists covering urban security", "anna");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.text("reason")).isEqualTo("We only accredit journalists covering urban security");
        AccreditationRejected fact = awaitEvent(s.id(), EventTypes.ACCREDITATION_REJECTED).dataAs(AccreditationRejected.class);
        assertThat(fact.reason()).isEqualTo("We only accredit journalists covering urban security");
        assertThat(fact.decidedBy()).isEqualTo("anna");
        Response seen = call("GET", "/api/accreditations/" + s.id(), null, "X-Manage-Token", s.token());
        assertThat(seen.text("status")).isEqualTo("REJECTED");
        assertThat(seen.text("reason")).isEqualTo("We only accredit journalists covering urban security");

        assertThat(decide(s.id(), "REJECTED", "Another wording", "bob").status()).as("same decision: unchanged").isEqualTo(200);
        assertThat(staffView(s.id()).text("reason")).isEqualTo("We only accredit journalists covering urban security");
        assertThat(decide(s.id(), "APPROVED", null, "bob").status()).isEqualTo(409);
        assertStays(s.id(), EventTypes.ACCREDITATION_REJECTED, 1);
        assertThat(count(s.id(), EventTypes.ACCREDITATION_APPROVED)).isZero();
    }

    @Test
    void askingForInformationThenAnsweringThroughEitherLinkReturnsToPending() throws Exception {
        Submitted s = submit(openEvent(null), uniqueEmail());
        Response asked = decide(s.id(), "NEEDS_INFO", "Could you send a link to one of your recent articles?", "anna");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.text("status")).isEqualTo("NEEDS_INFO");
        assertThat(asked.text("question")).isEqualTo("Could you send a link to one of your recent articles?");

        AccreditationInfoRequested question = awaitEvent(s.id(), EventTypes.ACCREDITATION_NEEDS_INFO)
                .dataAs(AccreditationInfoRequested.class);
        assertThat(question.question()).isEqualTo("Could you send a link to one of your recent articles?");
        assertThat(question.decidedBy()).isEqualTo("anna");
        assertThat(question.journalist().email()).isEqualTo(s.email());
        assertThat(question.privateUrl()).startsWith(BASE_URL + "/accreditation#id=" + s.id() + "&token=");
        String newToken = tokenOf(question.privateUrl());
        assertThat(newToken).isNotEqualTo(s.token());

        Response seen = call("GET", "/api/accreditations/" + s.id(), null, "X-Manage-Token", newToken);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.text("question")).isEqualTo("Could you send a link to one of your recent articles?");

        Response missing = call("POST", "/api/accreditations/" + s.id() + "/info", "{}", "X-Manage-Token", newToken);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").get(0).get("field").asString()).isEqualTo("answer");
        Response answered = call("POST", "/api/accreditations/" + s.id() + "/info",
                "{\"answer\":\"https://news.example/articles/urban-security\"}", "X-Manage-Token", newToken);
        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        assertThat(answered.text("status")).isEqualTo("PENDING");
        assertThat(answered.text("answer")).isEqualTo("https://news.example/articles/urban-security");
        AccreditationInfoProvided info = awaitEvent(s.id(), EventTypes.ACCREDITATION_INFO_PROVIDED)
                .dataAs(AccreditationInfoProvided.class);
        assertThat(info.answer()).isEqualTo("https://news.example/articles/urban-security");
        assertThat(call("POST", "/api/accreditations/" + s.id() + "/info", "{\"answer\":\"again\"}",
                "X-Manage-Token", newToken).status()).as("no question waits any more").isEqualTo(409);

        // A second round, answered through the link of the very first email.
        assertThat(decide(s.id(), "NEEDS_INFO", "And your press card?", "bob").status()).isEqualTo(200);
        awaitEvent(s.id(), EventTypes.ACCREDITATION_NEEDS_INFO, 2);
        Response second = call("GET", "/api/accreditations/" + s.id(), null, "X-Manage-Token", s.token());
        assertThat(second.text("question")).isEqualTo("And your press card?");
        assertThat(second.text("answer")).as("the new question has no answer yet").isNull();
        Response viaFirstLink = call("POST", "/api/accreditations/" + s.id() + "/info", "{\"answer\":\"BE-12345\"}",
                "X-Manage-Token", s.token());
        assertThat(viaFirstLink.status()).isEqualTo(200);
        assertThat(viaFirstLink.text("status")).isEqualTo("PENDING");
        awaitEvent(s.id(), EventTypes.ACCREDITATION_INFO_PROVIDED, 2);

        JsonNode history = staffView(s.id()).body().get("history");
        List<String> steps = new ArrayList<>();
        history.forEach(h -> steps.add(h.get("by").asString() + ":" + h.get("to").asString()));
        assertThat(steps).containsExactly("journalist:PENDING", "anna:NEEDS_INFO", "journalist:PENDING", "bob:NEEDS_INFO",
                "journalist:PENDING");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("Could you send a link to one of your recent articles?");
        assertThat(history.get(2).get("answer").asString()).isEqualTo("https://news.example/articles/urban-security");
        assertThat(history.get(4).get("answer").asString()).isEqualTo("BE-12345");

        assertThat(decide(s.id(), "APPROVED", null, "anna").status()).isEqualTo(200);
        awaitEvent(s.id(), EventTypes.ACCREDITATION_APPROVED);
    }

    @Test
    void onlyPressOfficersUseTheDesk() throws Exception {
        Submitted s = submit(openEvent(null), uniqueEmail());
        String list = "/api/accreditations";
        String decision = "/api/accreditations/" + s.id() + "/decision";
        String approve = "{\"decision\":\"APPROVED\"}";

        Response anonymous = call("GET", list, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Response anonymousDecision = call("POST", decision, approve);
        assertThat(anonymousDecision.status()).as("called directly, without the gateway's token").isEqualTo(401);
        assertThat(anonymousDecision.contentType()).startsWith("application/problem+json");

        String organiser = StaffTokens.bearer("olga", "ORGANIZER");
        Response wrongRole = call("GET", list, null, "Authorization", organiser);
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.contentType()).startsWith("application/problem+json");
        assertThat(call("POST", decision, approve, "Authorization", organiser).status()).isEqualTo(403);

        String forged = "Bearer " + StaffTokens.mint("another-secret-that-is-long-enough-0123456789", "conference-gateway",
                "mallory", "PRESS_OFFICER");
        assertThat(call("GET", list, null, "Authorization", forged).status()).isEqualTo(401);
        assertThat(call("POST", decision, approve, "Authorization", forged).status()).isEqualTo(401);
        String wrongIssuer = "Bearer " + StaffTokens.mint(StaffTokens.DEMO_SECRET, "someone-else", "mallory", "PRESS_OFFICER");
        assertThat(call("POST", decision, approve, "Authorization", wrongIssuer).status()).isEqualTo(401);

        // The single-request view: staff view for a press officer only; anyone else needs the request's own token.
        assertThat(call("GET", "/api/accreditations/" + s.id(), null, "Authorization", organiser).status()).isEqualTo(404);
        Response organiserWithToken = call("GET", "/api/accreditations/" + s.id(), null, "Authorization", organiser,
                "X-Manage-Token", s.token());
        assertThat(organiserWithToken.status()).isEqualTo(200);
        assertThat(organiserWithToken.body().has("history")).isFalse();
        Response staff = staffView(s.id());
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.body().get("journalist").get("email").asString()).isEqualTo(s.email());
        assertThat(staff.body().get("history")).hasSize(1);
        assertThat(staff.raw()).doesNotContain(s.token());
        assertThat(call("GET", "/api/accreditations/unknown-id", null, "Authorization", officer("anna")).status())
                .isEqualTo(404);

        assertThat(staffView(s.id()).text("status")).as("no refused call changed anything").isEqualTo("PENDING");
        assertThat(call("GET", list, null, "Authorization", officer("anna")).status()).isEqualTo(200);
    }
}
