package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EmailSent;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.kit.outbox.Outbox;
import eu.efus.conference.notification.dispatch.SmtpGateway;
import eu.efus.conference.notification.ledger.Ledger;
import eu.efus.conference.notification.ledger.LedgerIds;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.ledger.NotificationStatus;
import eu.efus.conference.notification.templates.MailTemplate;
import eu.efus.conference.notification.templates.RenderedMail;
import eu.efus.conference.testsupport.KafkaProbe;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A registration event becomes exactly one email, recorded as SENT and announced on notification.events. */
class EmailDeliveryIT extends ServiceContext {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    RetryRegistry retries;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    CircuitBreakerRegistry circuitBreakers;
    @Autowired
    RateLimiterRegistry rateLimiters;
    @Autowired
    BulkheadRegistry bulkheads;

    @Test
    void aConfirmedRegistrationIsEmailedOnceWithItsInviteAndTheLedgerSaysSo() throws Exception {
        String email = uniqueEmail("ana");
        String registration = uniqueRegistration();
        // Counted from the breaker's events: its metrics only cover its sliding window (10 calls).
        java.util.concurrent.atomic.AtomicInteger successfulSmtpCalls = new java.util.concurrent.atomic.AtomicInteger();
        circuitBreakers.circuitBreaker(SmtpGateway.INSTANCE).getEventPublisher()
                .onSuccess(e -> successfulSmtpCalls.incrementAndGet());
        try (KafkaProbe events = notificationEventsProbe()) {
            CloudEvent cause = publishGolden(EventTypes.REGISTRATION_CONFIRMED, email, registration);

            await().atMost(Duration.ofSeconds(20)).until(() -> entriesFor(email).stream()
                    .anyMatch(e -> e.status() == NotificationStatus.SENT));
            List<Notification> entries = entriesFor(email);
            assertThat(entries).hasSize(1);
            Notification entry = entries.get(0);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.causationId()).isEqualTo(cause.id());
            assertThat(entry.registrationId()).isEqualTo(registration);
            assertThat(entry.template()).isEqualTo("registration-confirmed");
            assertThat(entry.language()).isEqualTo("en");
            assertThat(entry.sentAt()).isNotNull();
            assertThat(entry.messageId()).isEqualTo("<" + entry.id() + ".1@conference.efus.example>");

            await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(email).size() == 1);
            MimeMessage mail = mailsTo(email).get(0);
            assertThat(mail.getMessageID()).isEqualTo(entry.messageId());
            assertThat(mail.getSubject()).isEqualTo("Your registration is confirmed: Security, Democracy & Cities 2027");
            assertThat(mail.getFrom()[0].toString()).contains("no-reply@conference.efus.example");

            MailParts parts = MailParts.of(mail);
            assertThat(parts.structure()).isEqualTo("multipart/mixed(multipart/related(multipart/alternative("
                    + "text/plain,text/html),image/png),text/calendar)");
            String manageUrl = "http://localhost:8080/manage#id=" + registration + "&token=sample-token-not-real";
            assertThat(parts.text()).startsWith("Dear Ana Example,").contains(manageUrl)
                    .contains("Your check-in code\n\n    " + Golden.CHECK_IN_CODE + "\n");
            assertThat(parts.html()).contains("href=\"" + manageUrl.replace("&", "&amp;") + "\"")
                    .contains(">" + Golden.CHECK_IN_CODE + "</p>");
            // The QR image the HTML shows, read back as the desk's scanner would.
            assertThat(parts.htmlImages()).containsExactly(RenderedMail.CHECK_IN_IMAGE);
            assertThat(parts.qrCode(RenderedMail.CHECK_IN_IMAGE)).isEqualTo(Golden.CHECK_IN_CODE);
            BodyPart invite = parts.attachments().get(0);
            assertThat(invite.getFileName()).isEqualTo("invitation.ics");
            assertThat(invite.getContentType()).startsWith("text/calendar").contains("method=PUBLISH");
            assertThat(utf8(invite.getInputStream().readAllBytes()))
                    .contains("UID:" + registration + "-SDC-2027-BRU@conference.efus.example");
            // The ledger keeps the event data it kept before (the code among it), not the image made from it.
            Document ledgerEntry = mongo.findById(entry.id(), Document.class, Ledger.COLLECTION);
            assertThat(ledgerEntry.get("model", Document.class).toJson())
                    .isEqualTo(MailTemplate.REGISTRATION_CONFIRMED.model(cause.data()).toJson());
            assertThat(ledgerEntry.toJson()).doesNotContain("iVBOR", "image/png");

            await().atMost(Duration.ofSeconds(15)).until(() -> !notificationEvents(events, entry.id()).isEmpty());
            List<CloudEvent> announced = notificationEvents(events, entry.id());
            assertThat(announced).hasSize(1);
            assertThat(announced.get(0).type()).isEqualTo(EventTypes.EMAIL_SENT);
            assertThat(announced.get(0).source()).isEqualTo("/notification-service");
            EmailSent sent = announced.get(0).dataAs(EmailSent.class);
            assertThat(sent.notificationId()).isEqualTo(entry.id());
            assertThat(sent.causationId()).isEqualTo(cause.id());
            assertThat(sent.messageId()).isEqualTo(entry.messageId());
            assertThat(sent.attempts()).isEqualTo(1);

            // Published means removed from the entry: nothing left for the relay to send again.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Document stored = mongo.findById(entry.id(), Document.class, Ledger.COLLECTION);
                assertThat(stored.getBoolean(Outbox.FLAG)).isFalse();
                assertThat(stored.getList(Outbox.EVENTS, Document.class)).isEmpty();
            });
            assertThat(notificationEvents(events, entry.id())).hasSize(1);
        }
        // The send went through the "smtp" circuit breaker (and so through the whole gateway).
        assertThat(successfulSmtpCalls).hasPositiveValue();
    }

    @Test
    void anEmailLeftSendingByADeadDispatcherIsSentOnceItsLeaseRunsOut() {
        String email = uniqueEmail("orphan");
        CloudEvent cause = CloudEventCodec.fromJson(Golden.fresh(EventTypes.REGISTRATION_CANCELLED, email, uniqueRegistration()));
        Notification orphan = Notification.pending(LedgerIds.forEvent(cause.id(), "registration-cancelled", email),
                "registration-cancelled", "en", email, "Ana Example", MailTemplate.toModel(cause.data()), cause.id(),
                cause.subject(), null, null, null, Instant.now());
        ledger.insertIfAbsent(orphan);
        // Claimed by an instance that died: its lease ran out a moment ago.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(orphan.id())), new Update()
                .set("status", NotificationStatus.SENDING).set("claim", "dead-instance")
                .set("leaseUntil", Instant.now().minusSeconds(1)), Ledger.COLLECTION);

        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.find(orphan.id()).orElseThrow().status()
                == NotificationStatus.SENT);
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void theSmtpResilienceSettingsComeFromApplicationYml() {
        // Values that differ from Resilience4j's defaults: proof the configuration reached the instances used.
        var retry = retries.retry(SmtpGateway.INSTANCE).getRetryConfig();
        assertThat(retry.getMaxAttempts()).isEqualTo(3);
        assertThat(retry.getExceptionPredicate().test(new MailSendException("x", new ConnectException()))).isTrue();
        assertThat(retry.getExceptionPredicate().test(new IllegalArgumentException())).isFalse();
        var breaker = circuitBreakers.circuitBreaker(SmtpGateway.INSTANCE).getCircuitBreakerConfig();
        assertThat(breaker.getSlidingWindowSize()).isEqualTo(10);
        assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(5);
        assertThat(breaker.getRecordExceptionPredicate().test(new IllegalArgumentException())).isFalse();
        assertThat(bulkheads.bulkhead(SmtpGateway.INSTANCE).getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(4);
        assertThat(rateLimiters.rateLimiter(SmtpGateway.INSTANCE).getRateLimiterConfig().getLimitForPeriod()).isEqualTo(1000);
        // Explicit SMTP timeouts (shortened by the test profile): a stalled server cannot hold a sender for long.
        assertThat(((JavaMailSenderImpl) mailSender).getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "2000").containsEntry("mail.smtp.timeout", "2000")
                .containsEntry("mail.smtp.writetimeout", "2000");
    }
}
