package eu.efus.conference.accreditation;

import eu.efus.conference.testsupport.Http.Response;
import eu.efus.conference.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.accreditation.catalog.PressEvent;
import eu.efus.conference.contracts.AccreditationRequested;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventCreated;
import eu.efus.conference.contracts.EventDetails;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.EventUpdated;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.testsupport.KafkaProbe;
import eu.efus.conference.testsupport.StaffTokens;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared set-up of the service tests: one Spring context on the shared Kafka and MongoDB. Events are made known the
 * way production does it: event-created facts (from the golden sample) sent to registration.events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AccreditationServiceITBase {

    Response call(String method, String path, String body, String... headers) throws Exception {
        return Http.call("http://localhost:" + port, method, path, body, headers);
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String BASE_URL = "http://conference.test";
    static KafkaProbe probe;

    @LocalServerPort
    int port;

    @Autowired
    protected MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().register(registry, "accreditation-api");
        registry.add("conference.public-base-url", () -> BASE_URL);
    }

    @BeforeAll
    static void listen() {
        probe = new KafkaProbe(TestInfrastructure.get().kafkaBootstrap(), Topics.ACCREDITATION_EVENTS);
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    // --- HTTP -------------------------------------------------------------------------------------------------------

    static String officer(String name) {
        return StaffTokens.bearer(name, "PRESS_OFFICER");
    }

    // --- the journalist ---------------------------------------------------------------------------------------------

    static String uniqueEmail() {
        return "j-" + UUID.randomUUID().toString().substring(0, 8) + "@press.example";
    }

    static String form(String email) {
        return formIn(email, "fr", "PRINT");
    }

    static String formIn(String email, String language, String mediaType) {
        return """
                {"firstName":"Marc","lastName":"Dubois","email":"%s","mediaOutlet":"Le Soir","mediaType":"%s",
                 "country":"BE","language":"%s","pressCardNumber":"BE-12345","coverageNotes":"Interview with the president"}
                """.formatted(email, mediaType, language);
    }

    /** A request that was accepted, with the token its "received" email carries. */
    record Submitted(String id, String token, String email, CloudEvent received) {
    }

    Submitted submit(String eventCode, String email) throws Exception {
        Response created = call("POST", "/api/events/" + eventCode + "/accreditations", form(email));
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        String id = created.text("id");
        CloudEvent received = awaitEvent(id, EventTypes.ACCREDITATION_RECEIVED);
        return new Submitted(id, tokenOf(received.dataAs(AccreditationRequested.class).privateUrl()), email, received);
    }

    Response decide(String id, String decision, String reason, String officerName) throws Exception {
        String body = reason == null ? "{\"decision\":\"%s\"}".formatted(decision)
                : "{\"decision\":\"%s\",\"reason\":%s}".formatted(decision, JSON.writeValueAsString(reason));
        return call("POST", "/api/accreditations/" + id + "/decision", body, "Authorization", officer(officerName));
    }

    Response staffView(String id) throws Exception {
        return call("GET", "/api/accreditations/" + id, null, "Authorization", officer("reader"));
    }

    static String tokenOf(String privateUrl) {
        return privateUrl.substring(privateUrl.indexOf("token=") + 6);
    }

    // --- what goes out ----------------------------------------------------------------------------------------------

    static List<CloudEvent> eventsFor(String accreditationId) {
        return probe.events(accreditationId);
    }

    static long count(String accreditationId, String type) {
        return eventsFor(accreditationId).stream().filter(e -> e.type().equals(type)).count();
    }

    static CloudEvent awaitEvent(String accreditationId, String type) {
        return awaitEvent(accreditationId, type, 1);
    }

    /** The {@code nth} event of this type for this request (1-based), once it arrived. */
    static CloudEvent awaitEvent(String accreditationId, String type, int nth) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> eventsFor(accreditationId).stream().filter(e -> e.type().equals(type)).skip(nth - 1L).findFirst(),
                Optional::isPresent).get();
    }

    /** Waits a little and checks that exactly {@code expected} events of this type exist, and stay so. */
    static void assertStays(String accreditationId, String type, long expected) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> count(accreditationId, type) == expected);
    }

    // --- events, the way registration-service announces them --------------------------------------------------------

    /** The event of the golden event-created sample: every test derives its own from it. */
    static EventDetails goldenEvent() {
        try (InputStream in = AccreditationServiceITBase.class.getResourceAsStream("/golden/" + EventTypes.EVENT_CREATED + ".json")) {
            String json = new String(Objects.requireNonNull(in, "golden sample").readAllBytes(), StandardCharsets.UTF_8);
            return CloudEventCodec.fromJson(json).dataAs(EventCreated.class).event();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The golden event under another code, open for requests now, with this press quota. */
    static EventDetails openEventDetails(String code, Integer pressQuota) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        EventDetails golden = goldenEvent();
        OffsetDateTime starts = now.plusMonths(2).withOffsetSameInstant(golden.startsAt().getOffset());
        return new EventDetails(code, golden.kind(), golden.title(), golden.venue(), golden.city(), golden.country(),
                starts, starts.plusDays(2), golden.timezone(), golden.languages(), now.minusDays(1), now.plusDays(30),
                pressQuota);
    }

    static EventDetails withQuota(EventDetails d, Integer pressQuota) {
        return new EventDetails(d.code(), d.kind(), d.title(), d.venue(), d.city(), d.country(), d.startsAt(), d.endsAt(),
                d.timezone(), d.languages(), d.registrationOpensAt(), d.registrationClosesAt(), pressQuota);
    }

    /** Publishes an event fact on registration.events, keyed by the event code as registration-service does. */
    static void announce(String type, EventDetails details, OffsetDateTime time) {
        Object data = EventTypes.EVENT_CREATED.equals(type) ? new EventCreated(details) : new EventUpdated(details);
        announce(CloudEventCodec.create(UUID.randomUUID().toString(), time, "/registration-service", type, details.code(), data));
    }

    static void announce(CloudEvent event) {
        KafkaProbe.send(TestInfrastructure.get().kafkaBootstrap(), Topics.REGISTRATION_EVENTS, event.subject(),
                CloudEventCodec.toBytes(event));
    }

    PressEvent awaitCopy(String code, Predicate<PressEvent> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(code, PressEvent.class),
                copy -> copy != null && condition.test(copy));
    }

    /** A fresh event open for requests, known to the service. */
    String openEvent(Integer pressQuota) {
        String code = uniqueCode("PRESS");
        announce(EventTypes.EVENT_CREATED, openEventDetails(code, pressQuota), OffsetDateTime.now(ZoneOffset.UTC));
        awaitCopy(code, copy -> Objects.equals(copy.pressQuota(), pressQuota));
        return code;
    }
}
