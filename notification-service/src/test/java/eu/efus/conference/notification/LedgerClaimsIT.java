package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EmailSent;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.ledger.Ledger;
import eu.efus.conference.notification.ledger.LedgerIds;
import eu.efus.conference.notification.ledger.Notification;
import eu.efus.conference.notification.ledger.NotificationStatus;
import eu.efus.conference.notification.templates.MailTemplate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ledger's claims on the real store, on a database of their own (no dispatcher running): due work listed urgent first
 * then oldest first, one winner per claim, leases that come back, settling fenced by the claim token.
 */
class LedgerClaimsIT extends ServiceContext {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private MongoClient client;
    private Ledger claims;

    @BeforeEach
    void ownDatabase() {
        String database = "ledger-claims-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(INFRA.mongoUri(database));
        claims = new Ledger(new MongoTemplate(client, database));
        claims.afterPropertiesSet();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private Notification entry(String email, Instant createdAt, String resendOf) {
        Document model = MailTemplate.REGISTRATION_CONFIRMED.model(Golden.event(EventTypes.REGISTRATION_CONFIRMED).data());
        String id = resendOf == null ? LedgerIds.forEvent(UUID.randomUUID().toString(), "registration-confirmed", email)
                : LedgerIds.random();
        Notification entry = Notification.pending(id, "registration-confirmed", "en", email, "P", model, "cause",
                "r-1", null, resendOf, resendOf == null ? null : "organizer", createdAt.truncatedTo(ChronoUnit.MILLIS));
        assertThat(claims.insertIfAbsent(entry)).isTrue();
        return entry;
    }

    private static CloudEvent sent(Notification entry) {
        return CloudEventCodec.create("/test", EventTypes.EMAIL_SENT, entry.id(), new EmailSent(entry.id(),
                entry.causationId(), entry.template(), entry.language(), entry.recipient(), "<m@x>", 1,
                OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static String idOf(String due) {
        return due.substring(due.indexOf(':') + 1);
    }

    @Test
    void urgentEmailsComeBeforeBulkWorkAndOnlyDueOnesAreListed() {
        Instant now = Instant.now();
        Notification resend = entry("a@example.org", now.minusSeconds(60), "n-original");
        Notification older = entry("b@example.org", now.minusSeconds(10), null);
        Notification newer = entry("c@example.org", now.minusSeconds(5), null);
        entry("d@example.org", now.plusSeconds(60), null); // not due yet

        List<String> due = claims.dueNow(now, 10);

        // Oldest first within a priority on MongoDB and the H2 backend (sorted indexes); not asserted here because
        // the tests' in-memory backend reads its index in no particular order.
        assertThat(due).hasSize(3);
        assertThat(due.subList(0, 2)).extracting(LedgerClaimsIT::idOf).containsExactlyInAnyOrder(older.id(), newer.id());
        assertThat(due.get(2)).startsWith("1").endsWith(resend.id());
        assertThat(claims.dueNow(now, 10)).as("listing claims nothing").isEqualTo(due);
    }

    @Test
    void anEntryIsClaimedOnceAndComesBackWhenItsLeaseRunsOut() {
        Instant now = Instant.now();
        Notification pending = entry("e@example.org", now.minusSeconds(1), null);
        String due = claims.dueNow(now, 1).get(0);

        Notification mine = claims.claim(due, now, LEASE);
        assertThat(mine).isNotNull();
        assertThat(mine.status()).isEqualTo(NotificationStatus.SENDING);
        assertThat(mine.model()).isEqualTo(pending.model());
        assertThat(claims.claim(due, now, LEASE)).as("the same value read by another dispatcher").isNull();
        assertThat(claims.dueNow(now, 10)).as("leased").isEmpty();

        // The dispatcher died: once the lease is over the entry is due again, and another one takes it over.
        Instant later = now.plus(LEASE).plusSeconds(1);
        String again = claims.dueNow(later, 10).get(0);
        Notification theirs = claims.claim(again, later, LEASE);
        assertThat(theirs).isNotNull();
        assertThat(claims.markSent(mine, 1, "<m@x>", later, sent(mine))).as("the first claim is fenced off").isFalse();
        assertThat(claims.markSent(theirs, 1, "<m@x>", later, sent(theirs))).isTrue();
        assertThat(claims.find(pending.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
        assertThat(claims.dueNow(later.plus(LEASE.multipliedBy(2)), 10)).as("a sent entry is never due").isEmpty();
    }

    @Test
    void aRetryIsDueAgainAtItsTimeAndAReleaseAtOnce() {
        Instant now = Instant.now();
        Notification pending = entry("f@example.org", now.minusSeconds(1), null);
        Notification mine = claims.claim(claims.dueNow(now, 1).get(0), now, LEASE);

        assertThat(claims.retryLater(mine, 1, "451 later", now.plusSeconds(30))).isTrue();
        assertThat(claims.dueNow(now, 10)).isEmpty();
        List<String> due = claims.dueNow(now.plusSeconds(31), 10);
        assertThat(due).extracting(LedgerClaimsIT::idOf).containsExactly(pending.id());

        Notification again = claims.claim(due.get(0), now.plusSeconds(31), LEASE);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(claims.release(again, now.plusSeconds(31))).isTrue();
        assertThat(claims.dueNow(now.plusSeconds(31), 10)).extracting(LedgerClaimsIT::idOf).containsExactly(pending.id());
        assertThat(claims.find(pending.id()).orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.claim()).isNull();
        });
    }
}
