package eu.efus.conference.notification;

import com.icegreen.greenmail.util.GreenMail;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.Topics;
import eu.efus.conference.notification.ledger.Ledger;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.testsupport.KafkaProbe;
import eu.efus.conference.testsupport.TestInfrastructure;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service on the shared test infrastructure (real Kafka, MongoDB wire server, GreenMail). Every IT class
 * extends it unchanged, so they all share one Spring context; each test uses its own recipients and registrations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class ServiceContext {

    protected static final TestInfrastructure INFRA = TestInfrastructure.get();

    @Autowired
    protected Ledger ledger;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.register(registry, "notification");
    }

    /** An address no other test uses. */
    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    protected static String uniqueRegistration() {
        return "r-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Publishes the golden sample of {@code type} as a new event for this recipient; returns the CloudEvent. */
    protected static CloudEvent publishGolden(String type, String email, String registrationId) {
        CloudEvent event = CloudEventCodec.fromJson(Golden.fresh(type, email, registrationId));
        publish(event);
        return event;
    }

    protected static void publish(CloudEvent event) {
        publish(Topics.REGISTRATION_EVENTS, event);
    }

    /** Publishes on {@code topic}, keyed like the producers do: by the event's subject (the aggregate id). */
    protected static void publish(String topic, CloudEvent event) {
        KafkaProbe.send(INFRA.kafkaBootstrap(), topic, event.subject(), CloudEventCodec.toBytes(event));
    }

    protected static String uniqueAccreditation() {
        return "a-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Publishes the golden accreditation event of {@code type} as a new event for this journalist and request. */
    protected static CloudEvent publishGoldenAccreditation(String type, String email, String accreditationId) {
        CloudEvent event = CloudEventCodec.fromJson(Golden.freshAccreditation(type, email, accreditationId));
        publish(Topics.ACCREDITATION_EVENTS, event);
        return event;
    }

    protected static GreenMail greenMail() {
        return INFRA.greenMail();
    }

    /** The emails GreenMail received for this address. */
    protected static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(greenMail().getReceivedMessages()).filter(m -> addressedTo(m, email)).toList();
    }

    private static boolean addressedTo(MimeMessage message, String email) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(a -> a instanceof InternetAddress ia && email.equalsIgnoreCase(ia.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected List<Notification> entriesFor(String email) {
        return ledger.forRecipient(email);
    }

    /** The {@code notification.events} seen so far that concern this ledger entry. */
    protected static List<CloudEvent> notificationEvents(KafkaProbe probe, String notificationId) {
        return probe.events(notificationId);
    }

    protected static KafkaProbe notificationEventsProbe() {
        return new KafkaProbe(INFRA.kafkaBootstrap(), Topics.NOTIFICATION_EVENTS);
    }

    protected static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
