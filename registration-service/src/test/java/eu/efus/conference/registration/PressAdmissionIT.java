package eu.efus.conference.registration;

import eu.efus.conference.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.AccreditationApproved;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventCreated;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.EventUpdated;
import eu.efus.conference.contracts.Journalist;
import eu.efus.conference.contracts.RegistrationConfirmed;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.registration.checkin.CheckInCodes;
import eu.efus.conference.testsupport.KafkaProbe;
import eu.efus.conference.testsupport.StaffTokens;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The event catalog is published for other services, and an approved journalist becomes a PRESS attendee. */
class PressAdmissionIT extends RegistrationServiceITBase {

    @Autowired
    CheckInCodes checkInCodes;

    @Test
    void createdAndUpdatedEventsArePublishedWithTheirPressQuota() throws Exception {
        String code = createEvent("PUB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), 100, 10);
        CloudEvent created = awaitEvent(code, EventTypes.EVENT_CREATED);
        assertThat(created.dataAs(EventCreated.class).event().pressQuota()).isEqualTo(5);
        assertThat(created.dataAs(EventCreated.class).event().timezone()).isEqualTo("Europe/Brussels");

        JsonNode current = call("GET", "/api/events/" + code, null).body();
        String body = """
                {"kind":"CONFERENCE","title":{"fr":"Conférence test","en":"Test conference"},"city":"Brussels","country":"BE",
                 "startsAt":"%s","endsAt":"%s","timezone":"Europe/Brussels","languages":["fr","en"],"capacity":100,
                 "pressQuota":12,"sessions":[]}""".formatted(current.get("startsAt").asString(), current.get("endsAt").asString());
        Response updated = call("PUT", "/api/admin/events/" + code, body, "Authorization", StaffTokens.bearer("org", "ORGANIZER"));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        CloudEvent changed = awaitEvent(code, EventTypes.EVENT_UPDATED);
        assertThat(changed.dataAs(EventUpdated.class).event().pressQuota()).isEqualTo(12);
        assertThat(call("GET", "/api/events/" + code, null).body().get("pressQuota").asInt()).isEqualTo(12);
        // The demo events were announced too, so other services can keep their copy from the stream alone.
        awaitEvent("SDC-BRUSSELS", EventTypes.EVENT_CREATED);
    }

    @Test
    void anApprovedJournalistBecomesAConfirmedPressAttendeeOnce() throws Exception {
        String accreditationId = "a-" + UUID.randomUUID().toString().substring(0, 10);
        String email = "journalist-" + UUID.randomUUID().toString().substring(0, 8) + "@press.example";
        CloudEvent golden = CloudEventCodec.fromJson(golden(EventTypes.ACCREDITATION_APPROVED));
        AccreditationApproved sample = golden.dataAs(AccreditationApproved.class);
        AccreditationApproved approved = new AccreditationApproved(accreditationId,
                new eu.efus.conference.contracts.EventSummary("SDC-BRUSSELS", "CONFERENCE", sample.event().title(), null,
                        "Brussels", "BE", sample.event().startsAt(), sample.event().endsAt(), "Europe/Brussels"),
                new Journalist("Marc", "Example", email, "Le Quotidien", "PRINT", "BE", "BE-1"), "fr", "press-officer");
        CloudEvent event = CloudEventCodec.create("/accreditation-service", EventTypes.ACCREDITATION_APPROVED, accreditationId,
                approved);
        String seatsBefore = call("GET", "/api/events/SDC-BRUSSELS", null).body().get("seatsLeft").toString();

        KafkaProbe.send(TestInfrastructure.get().kafkaBootstrap(), Topics.ACCREDITATION_EVENTS, accreditationId,
                CloudEventCodec.toBytes(event));
        // A redelivery, and the same approval under a new event id, create nothing more.
        KafkaProbe.send(TestInfrastructure.get().kafkaBootstrap(), Topics.ACCREDITATION_EVENTS, accreditationId,
                CloudEventCodec.toBytes(event));
        KafkaProbe.send(TestInfrastructure.get().kafkaBootstrap(), Topics.ACCREDITATION_EVENTS, accreditationId,
                CloudEventCodec.toBytes(CloudEventCodec.create("/accreditation-service", EventTypes.ACCREDITATION_APPROVED,
                        accreditationId, approved)));

        JsonNode attendee = await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode list = call("GET", "/api/admin/events/SDC-BRUSSELS/registrations", null,
                    "Authorization", StaffTokens.bearer("org", "ORGANIZER")).body();
            for (JsonNode a : list) {
                if (email.equals(a.get("email").asString())) {
                    return a;
                }
            }
            return null;
        }, a -> a != null);
        assertThat(attendee.get("category").asString()).isEqualTo("PRESS");
        assertThat(attendee.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(attendee.get("organisation").asString()).isEqualTo("Le Quotidien");
        String registrationId = attendee.get("id").asString();

        RegistrationConfirmed confirmed = awaitEvent(registrationId, EventTypes.REGISTRATION_CONFIRMED)
                .dataAs(RegistrationConfirmed.class);
        assertThat(confirmed.participant().category()).isEqualTo("PRESS");
        assertThat(confirmed.language()).isEqualTo("fr");
        assertThat(confirmed.checkInCode()).as("the approval email carries the badge's code too")
                .isEqualTo(checkInCodes.codeFor(registrationId));
        String token = confirmed.manageUrl().substring(confirmed.manageUrl().indexOf("token=") + 6);
        assertThat(call("GET", "/api/registrations/" + registrationId, null, "X-Manage-Token", token).status()).isEqualTo(200);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                mongo.getCollection("registrations").countDocuments(new org.bson.Document("participant.email", email)) == 1
                        && eventsFor(registrationId).size() == 1);
        assertThat(call("GET", "/api/events/SDC-BRUSSELS", null).body().get("seatsLeft").toString())
                .as("press attendees hold no participant seat").isEqualTo(seatsBefore);
        String csv = call("GET", "/api/admin/events/SDC-BRUSSELS/registrations", null,
                "Authorization", StaffTokens.bearer("org", "ORGANIZER"), "Accept", "text/csv").raw();
        assertThat(csv).contains(email).contains("PRESS");
    }

    @Test
    void aJournalistAlreadyRegisteredAsParticipantIsConvertedAndToldOnce() throws Exception {
        String code = createEvent("CONV-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), 1, 5);
        String email = "dual-" + UUID.randomUUID().toString().substring(0, 8) + "@press.example";
        Response participant = call("POST", "/api/events/" + code + "/registrations", form(email));
        Response waiting = call("POST", "/api/events/" + code + "/registrations", form(uniqueEmail()));
        assertThat(waiting.body().get("status").asString()).isEqualTo("WAITLISTED");
        String id = participant.body().get("id").asString();
        awaitEvent(id, EventTypes.REGISTRATION_CONFIRMED);

        String accreditationId = "a-" + UUID.randomUUID().toString().substring(0, 10);
        JsonNode event = call("GET", "/api/events/" + code, null).body();
        AccreditationApproved approved = new AccreditationApproved(accreditationId,
                new eu.efus.conference.contracts.EventSummary(code, "CONFERENCE", null, null, "Brussels", "BE",
                        java.time.OffsetDateTime.parse(event.get("startsAt").asString()),
                        java.time.OffsetDateTime.parse(event.get("endsAt").asString()), "Europe/Brussels"),
                new Journalist("Ana", "Example", email, "Radio Example", "RADIO", "PT", null), "en", "press-officer");
        KafkaProbe.send(TestInfrastructure.get().kafkaBootstrap(), Topics.ACCREDITATION_EVENTS, accreditationId,
                CloudEventCodec.toBytes(CloudEventCodec.create("/accreditation-service", EventTypes.ACCREDITATION_APPROVED,
                        accreditationId, approved)));

        await().atMost(Duration.ofSeconds(30)).until(() -> eventsFor(id).stream()
                .filter(e -> e.type().equals(EventTypes.REGISTRATION_CONFIRMED))
                .anyMatch(e -> "PRESS".equals(e.dataAs(RegistrationConfirmed.class).participant().category())));
        assertThat(mongo.getCollection("registrations").countDocuments(new org.bson.Document("participant.email", email)))
                .isEqualTo(1);
        // Its participant seat went to the person waiting.
        awaitEvent(waiting.body().get("id").asString(), EventTypes.REGISTRATION_PROMOTED);
    }

    private static String golden(String type) throws Exception {
        try (InputStream in = PressAdmissionIT.class.getResourceAsStream("/golden/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
