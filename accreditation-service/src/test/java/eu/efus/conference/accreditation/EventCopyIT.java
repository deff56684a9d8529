package eu.efus.conference.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.accreditation.catalog.PressEvent;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventDetails;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.EventUpdated;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.kit.consumer.IdempotentConsumer;
import eu.efus.conference.testsupport.KafkaProbe;
import eu.efus.conference.testsupport.TestInfrastructure;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The local copy of events, kept from registration.events: updates, late and repeated facts, foreign and poison records. */
class EventCopyIT extends AccreditationServiceITBase {

    static final String DLQ = Topics.deadLetter(Topics.REGISTRATION_EVENTS, "accreditation-service");

    @Test
    void updatesReplaceTheCopyButOlderOrRepeatedFactsDoNot() {
        String code = uniqueCode("COPY");
        EventDetails details = openEventDetails(code, 1);
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).truncatedTo(ChronoUnit.MILLIS);
        announce(EventTypes.EVENT_CREATED, details, t0);
        awaitCopy(code, copy -> Integer.valueOf(1).equals(copy.pressQuota()));

        CloudEvent raised = CloudEventCodec.create(UUID.randomUUID().toString(), t0.plusMinutes(2), "/registration-service",
                EventTypes.EVENT_UPDATED, code, new EventUpdated(withQuota(details, 3)));
        announce(raised);
        awaitCopy(code, copy -> Integer.valueOf(3).equals(copy.pressQuota()));

        // A redelivery of an applied fact's id with other content (t0+5) is skipped by id; if it were applied, the
        // following fact (t0+3, older than it) would be ignored and the quota would stay 7, never reach 4.
        announce(CloudEventCodec.create(raised.id(), t0.plusMinutes(5), "/registration-service", EventTypes.EVENT_UPDATED,
                code, new EventUpdated(withQuota(details, 7))));
        announce(EventTypes.EVENT_UPDATED, withQuota(details, 4), t0.plusMinutes(3));
        awaitCopy(code, copy -> Integer.valueOf(4).equals(copy.pressQuota()));

        // A fact older than the copy (delivered late) is consumed but changes nothing.
        CloudEvent late = CloudEventCodec.create(UUID.randomUUID().toString(), t0.plusMinutes(1), "/registration-service",
                EventTypes.EVENT_UPDATED, code, new EventUpdated(withQuota(details, 99)));
        announce(late);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection(IdempotentConsumer.COLLECTION)
                .countDocuments(new Document("_id", late.id())) == 1);
        PressEvent copy = mongo.findById(code, PressEvent.class);
        assertThat(copy.pressQuota()).isEqualTo(4);
        assertThat(copy.sourceTime()).isEqualTo(t0.plusMinutes(3).toInstant());
        assertThat(copy.timezone()).isEqualTo("Europe/Brussels");
        assertThat(copy.title()).isEqualTo(goldenEvent().title());
    }

    @Test
    void otherRegistrationFactsAreIgnoredAndPoisonGoesToTheDeadLetterTopicWithoutBlockingTheEvent() throws Exception {
        try (KafkaProbe dlq = new KafkaProbe(TestInfrastructure.get().kafkaBootstrap(), DLQ)) {
            String code = uniqueCode("POISON");
            CloudEvent confirmed;
            try (InputStream in = getClass().getResourceAsStream("/golden/" + EventTypes.REGISTRATION_CONFIRMED + ".json")) {
                CloudEvent golden = CloudEventCodec.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                confirmed = CloudEventCodec.create(UUID.randomUUID().toString(), golden.time(), golden.source(), golden.type(),
                        code, CloudEventCodec.data(golden));
            }
            announce(confirmed);
            KafkaProbe.send(TestInfrastructure.get().kafkaBootstrap(), Topics.REGISTRATION_EVENTS, code,
                    "not a cloud event".getBytes(StandardCharsets.UTF_8));
            String emptyFactId = UUID.randomUUID().toString();
            KafkaProbe.send(TestInfrastructure.get().kafkaBootstrap(), Topics.REGISTRATION_EVENTS, code, ("""
                    {"specversion":"1.0","id":"%s","source":"/registration-service","type":"%s","subject":"%s",
                     "datacontenttype":"application/json","data":{"event":null}}""")
                    .formatted(emptyFactId, EventTypes.EVENT_CREATED, code).getBytes(StandardCharsets.UTF_8));
            // Same key, so same partition: this one only arrives once the poison records were dealt with.
            announce(EventTypes.EVENT_CREATED, openEventDetails(code, 2), OffsetDateTime.now(ZoneOffset.UTC));

            awaitCopy(code, copy -> Integer.valueOf(2).equals(copy.pressQuota()));
            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.values().size() >= 2);
            assertThat(dlq.values()).anyMatch(v -> v.equals("not a cloud event")).anyMatch(v -> v.contains(emptyFactId))
                    .noneMatch(v -> v.contains(confirmed.id()));
            assertThat(submit(code, uniqueEmail()).id()).isNotBlank();
        }
    }
}
