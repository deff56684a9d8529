package eu.efus.conference.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.testsupport.KafkaProbe;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Kafka is unreachable when a registration is accepted: the registration still succeeds and its event goes out later. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"conference.outbox.retry-delay=500ms", "conference.demo-data=true"})
class KafkaOutageIT {

    private static final int KAFKA_PORT = TestInfrastructure.freePort();
    private static EmbeddedKafkaKraftBroker lateBroker;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().register(registry, "registration-kafka-outage");
        // Nothing listens there yet.
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> "localhost:" + KAFKA_PORT);
    }

    @AfterAll
    static void stopBroker() {
        if (lateBroker != null) {
            lateBroker.destroy();
        }
    }

    @Test
    void aRegistrationAcceptedWhileKafkaIsDownIsPublishedOnceItIsBack() throws Exception {
        String email = "outage-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String body = """
                {"firstName":"Bo","lastName":"Example","email":"%s","organisation":null,"country":"SE",
                 "category":"RESEARCHER","language":"en","sessions":["W-AI"],"consents":{"privacyPolicy":true}}""".formatted(email);
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/events/SDC-BRUSSELS/registrations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the broker outage does not hold the request")
                .isLessThan(Duration.ofSeconds(5));
        String id = response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        // The event waits in the registration document while the broker is away.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                mongo.getCollection("registrations").find(new Document("_id", id)).first().getBoolean("outboxPending", false));

        lateBroker = TestInfrastructure.startKafka(KAFKA_PORT);
        try (KafkaProbe probe = new KafkaProbe("localhost:" + KAFKA_PORT, Topics.REGISTRATION_EVENTS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> probe.values().stream().map(CloudEventCodec::fromJson)
                    .anyMatch(e -> id.equals(e.subject()) && EventTypes.REGISTRATION_CONFIRMED.equals(e.type())));
            await().atMost(Duration.ofSeconds(10)).until(() -> !mongo.getCollection("registrations")
                    .find(new Document("_id", id)).first().getBoolean("outboxPending", true));
            assertThat(probe.values().stream().map(CloudEventCodec::fromJson).filter(e -> id.equals(e.subject())).count())
                    .isEqualTo(1);
        }
    }
}
