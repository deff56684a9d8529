package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.dispatch.SmtpGateway;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.ledger.NotificationStatus;
import eu.efus.conference.testsupport.KafkaProbe;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A mail outage delays emails: it loses none, sends none twice, and does not hold up the registration events. */
class SmtpOutageIT extends ServiceContext {

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Test
    void emailsWaitForTheMailServerAndGoOutOnceEachWhenItIsBack() {
        GreenMail smtp = greenMail();
        CircuitBreaker breaker = circuitBreakers.circuitBreaker(SmtpGateway.INSTANCE);
        List<CircuitBreaker.State> states = new CopyOnWriteArrayList<>();
        breaker.getEventPublisher().onStateTransition(e -> states.add(e.getStateTransition().getToState()));
        AtomicInteger refusedConnections = new AtomicInteger();
        breaker.getEventPublisher().onError(e -> refusedConnections.incrementAndGet());
        List<String> recipients = IntStream.range(0, 5).mapToObj(i -> uniqueEmail("outage" + i)).toList();

        try (KafkaProbe events = notificationEventsProbe()) {
            smtp.stop();
            try {
                recipients.forEach(email -> publishGolden(EventTypes.REGISTRATION_CONFIRMED, email, uniqueRegistration()));

                // The consumer kept consuming: every event has its entry, tried or held back, none given up on.
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    List<Notification> entries = entries(recipients);
                    assertThat(entries).hasSize(5);
                    assertThat(entries).allSatisfy(e -> assertThat(e.lastError()).isNotNull());
                    assertThat(refusedConnections).hasPositiveValue();
                    assertThat(states).contains(CircuitBreaker.State.OPEN);
                });
                assertThat(entries(recipients)).extracting(Notification::status)
                        .allMatch(s -> s == NotificationStatus.PENDING || s == NotificationStatus.SENDING);
            } finally {
                smtp.start();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> entries(recipients).stream()
                    .allMatch(e -> e.status() == NotificationStatus.SENT));
            for (String email : recipients) {
                assertThat(mailsTo(email)).as("emails to %s", email).hasSize(1);
            }
            List<Notification> sent = entries(recipients);
            assertThat(sent).allSatisfy(e -> assertThat(e.messageId()).endsWith("." + e.attempts() + "@conference.efus.example>"));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(sent)
                    .allSatisfy(e -> assertThat(notificationEvents(events, e.id())).extracting(CloudEvent::type)
                            .containsExactly(EventTypes.EMAIL_SENT)));
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private List<Notification> entries(List<String> recipients) {
        List<Notification> all = new ArrayList<>();
        recipients.forEach(email -> all.addAll(entriesFor(email)));
        return all;
    }
}
