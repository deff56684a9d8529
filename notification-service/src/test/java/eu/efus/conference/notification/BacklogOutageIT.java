package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import eu.efus.conference.notification.dispatch.SmtpGateway;
import eu.efus.conference.notification.ledger.LedgerIds;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.ledger.NotificationStatus;
import eu.efus.conference.notification.templates.MailTemplate;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The mail server goes away while a backlog drains over the senders' open connections: the connections break, the
 * breaker opens, nothing is given up on, and once the server is back every email arrives exactly once. (The server is
 * not stopped in the middle of a message: a message the server stored without its reply reaching us is sent again,
 * which no SMTP client can avoid; see HardStopIT for that bound.)
 */
class BacklogOutageIT extends ServiceContext {

    private static final int BACKLOG = 800;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BulkheadRegistry bulkheads;

    @Test
    void aBacklogInterruptedByAMailOutageIsDeliveredExactlyOnce() throws Exception {
        GreenMail smtp = greenMail();
        CircuitBreaker breaker = circuitBreakers.circuitBreaker(SmtpGateway.INSTANCE);
        List<CircuitBreaker.State> states = new CopyOnWriteArrayList<>();
        breaker.getEventPublisher().onStateTransition(e -> states.add(e.getStateTransition().getToState()));
        String domain = "outage-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        List<String> recipients = IntStream.range(0, BACKLOG).mapToObj(i -> "p" + i + "@" + domain).toList();
        Document model = MailTemplate.REGISTRATION_CONFIRMED.model(Golden.event(
                eu.efus.conference.contracts.EventTypes.REGISTRATION_CONFIRMED).data());
        for (String email : recipients) {
            String cause = UUID.randomUUID().toString();
            ledger.insertIfAbsent(Notification.pending(LedgerIds.forEvent(cause, "registration-confirmed", email),
                    "registration-confirmed", "en", email, "Participant", model, cause, uniqueRegistration(), null, null,
                    null, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> smtp.getReceivedMessagesForDomain(domain).length >= 20);
        // GreenMail forgets what it received when stopped: first hold sending (breaker forced open) until nothing is in
        // flight, and count what arrived so far; the outage itself then breaks the senders' open connections.
        breaker.transitionToForcedOpenState();
        // The SMTP call runs inside the bulkhead, behind the breaker: all its permits free = no send in flight.
        Bulkhead inFlight = bulkheads.bulkhead(SmtpGateway.INSTANCE);
        await().atMost(Duration.ofSeconds(30)).until(() -> inFlight.getMetrics().getAvailableConcurrentCalls()
                == inFlight.getBulkheadConfig().getMaxConcurrentCalls());
        Map<String, Long> beforeOutage = countPerRecipient(smtp.getReceivedMessagesForDomain(domain));
        smtp.stop();
        try {
            breaker.transitionToClosedState();
            await().atMost(Duration.ofSeconds(30)).until(() -> states.stream()
                    .filter(s -> s == CircuitBreaker.State.OPEN).count() >= 1);
        } finally {
            smtp.start();
        }
        long sentBeforeOutage = beforeOutage.values().stream().mapToLong(Long::longValue).sum();
        assertThat(sentBeforeOutage).as("the outage came in the middle of the backlog").isLessThan(BACKLOG);

        Query notSent = Query.query(Criteria.where("recipientKey").regex("@" + domain.replace(".", "\\.") + "$")
                .and("status").ne(NotificationStatus.SENT.name()));
        await().atMost(Duration.ofSeconds(120)).until(() -> mongo.count(notSent, "notifications") == 0);

        // Every entry is SENT, so nothing is left to send: what GreenMail holds now, with what it held before the
        // outage, is final.
        Map<String, Long> perRecipient = new java.util.HashMap<>(beforeOutage);
        countPerRecipient(smtp.getReceivedMessagesForDomain(domain)).forEach((to, n) -> perRecipient.merge(to, n, Long::sum));
        assertThat(perRecipient.keySet()).containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(perRecipient.values()).as("emails per recipient").allMatch(n -> n == 1);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    static Map<String, Long> countPerRecipient(MimeMessage[] messages) throws Exception {
        List<String> to = new java.util.ArrayList<>();
        for (MimeMessage message : messages) {
            to.add(((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress().toLowerCase());
        }
        return to.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
    }
}
