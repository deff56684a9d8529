package eu.efus.conference.registration;

import eu.efus.conference.testsupport.Http.Response;
import eu.efus.conference.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.contracts.CloudEvent;
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

/** Shared set-up of the service tests: one Spring context on the shared Kafka, MongoDB and mail server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RegistrationServiceITBase {

    Response call(String method, String path, String body, String... headers) throws Exception {
        return Http.call("http://localhost:" + port, method, path, body, headers);
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static KafkaProbe probe;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().register(registry, "registration-api");
        registry.add("conference.public-base-url", () -> "http://conference.test");
    }

    @BeforeAll
    static void listen() {
        probe = new KafkaProbe(TestInfrastructure.get().kafkaBootstrap(), Topics.REGISTRATION_EVENTS);
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    static String form(String email, String... sessions) {
        return formIn(email, "en", "LOCAL_AUTHORITY", sessions);
    }

    static String formIn(String email, String language, String category, String... sessions) {
        StringBuilder codes = new StringBuilder();
        for (String s : sessions) {
            codes.append(codes.isEmpty() ? "" : ",").append('"').append(s).append('"');
        }
        return """
                {"firstName":"Ana","lastName":"Example","email":"%s","organisation":"City of Lisbon","country":"PT",
                 "category":"%s","language":"%s","sessions":[%s],"dietaryRequirements":"vegetarian",
                 "accessibilityNeeds":null,"consents":{"privacyPolicy":true,"photography":false}}
                """.formatted(email, category, language, codes);
    }

    static String uniqueEmail() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    List<CloudEvent> eventsFor(String registrationId) {
        return probe.events(registrationId);
    }

    CloudEvent awaitEvent(String registrationId, String type) {
        return probe.awaitEvent(registrationId, type);
    }

    static String tokenOf(String manageUrl) {
        return manageUrl.substring(manageUrl.indexOf("token=") + 6);
    }

    String createEvent(String code, int eventCapacity, int visitCapacity) throws Exception {
        OffsetDateTime start = OffsetDateTime.now().plusMonths(2).withNano(0);
        String body = """
                {"code":"%s","kind":"CONFERENCE","title":{"fr":"Conférence test","en":"Test conference"},"city":"Brussels",
                 "country":"BE","startsAt":"%s","endsAt":"%s","timezone":"Europe/Brussels","languages":["fr","en"],
                 "capacity":%d,"pressQuota":5,
                 "sessions":[{"code":"FV-SMALL","kind":"FIELD_VISIT","title":{"fr":"Visite","en":"Visit"},
                   "startsAt":"%s","endsAt":"%s","language":"fr","capacity":%d},
                  {"code":"W-BIG","kind":"WORKSHOP","title":{"fr":"Atelier","en":"Workshop"},
                   "startsAt":"%s","endsAt":"%s","language":"en","capacity":null}]}
                """.formatted(code, start, start.plusDays(2), eventCapacity, start.plusHours(1), start.plusHours(3),
                visitCapacity, start.plusHours(4), start.plusHours(5));
        Response created = call("POST", "/api/admin/events", body, "Authorization", StaffTokens.bearer("org", "ORGANIZER"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return code;
    }

}
