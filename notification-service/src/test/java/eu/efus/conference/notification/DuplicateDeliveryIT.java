package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.RegistrationConfirmed;
import eu.efus.conference.kit.consumer.IdempotentConsumer;
import eu.efus.conference.notification.intake.RegistrationEmails;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.ledger.NotificationStatus;
import eu.efus.conference.notification.templates.MailTemplate;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Redelivery is normal: the same CloudEvent twice gives one ledger entry and one email. */
class DuplicateDeliveryIT extends ServiceContext {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    RegistrationEmails intake;

    @Test
    void theSameEventDeliveredTwiceSendsOneEmail() {
        String email = uniqueEmail("twice");
        String registration = uniqueRegistration();
        CloudEvent confirmed = CloudEventCodec.fromJson(Golden.fresh(EventTypes.REGISTRATION_CONFIRMED, email, registration));
        publish(confirmed);
        publish(confirmed);
        // Same key, same partition: once the cancellation's entry exists, both copies have been consumed.
        publishGolden(EventTypes.REGISTRATION_CANCELLED, email, registration);

        await().atMost(Duration.ofSeconds(20)).until(() -> entriesFor(email).stream()
                .anyMatch(e -> e.template().equals("registration-cancelled")));
        await().atMost(Duration.ofSeconds(20)).until(() -> entriesFor(email).stream()
                .allMatch(e -> e.status() == NotificationStatus.SENT));

        List<Notification> entries = entriesFor(email);
        assertThat(entries).extracting(Notification::template)
                .containsExactlyInAnyOrder("registration-confirmed", "registration-cancelled");
        assertThat(mailsTo(email)).hasSize(2);
        assertThat(entries).allMatch(e -> e.attempts() == 1);
    }

    @Test
    void aReplayAfterTheDedupeMarkerWasLostInsertsNothingNew() {
        String email = uniqueEmail("replay");
        CloudEvent confirmed = CloudEventCodec.fromJson(Golden.fresh(EventTypes.REGISTRATION_CONFIRMED, email, uniqueRegistration()));
        publish(confirmed);
        await().atMost(Duration.ofSeconds(20)).until(() -> entriesFor(email).size() == 1);

        // As if the service had crashed between writing the entry and remembering the event id.
        mongo.getCollection(IdempotentConsumer.COLLECTION).deleteOne(new Document("_id", confirmed.id()));
        RegistrationConfirmed data = confirmed.dataAs(RegistrationConfirmed.class);
        boolean inserted = intake.record(confirmed, MailTemplate.REGISTRATION_CONFIRMED, data.registrationId(),
                data.participant(), data.language());

        assertThat(inserted).isFalse();
        assertThat(entriesFor(email)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> entriesFor(email).get(0).status() == NotificationStatus.SENT);
        assertThat(mailsTo(email)).hasSize(1);
    }
}
