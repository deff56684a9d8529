package eu.efus.conference.notification.dispatch;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EmailFailed;
import eu.efus.conference.contracts.EmailSent;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.kit.outbox.OutboxRelay;
import eu.efus.conference.kit.tracing.ContinuedTrace;
import eu.efus.conference.notification.MailSettings;
import eu.efus.conference.notification.ledger.Ledger;
import eu.efus.conference.notification.ledger.Notification;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micrometer.observation.ObservationRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends what the ledger holds, apart from the consumer so that a slow or absent mail server never holds up the
 * registration events. A loop lists due entries from the ledger's index (urgent first) and claims them (with a lease, so
 * several instances share the work and a crashed one's entries come back); {@code concurrency} senders take the claimed
 * entries from a short queue, each over its own SMTP connection kept open between emails. The loop claims only as many
 * entries as senders plus a queue of the same size, so a newly due urgent email overtakes any bulk work not yet claimed,
 * and a crash leaves at most that many entries to their lease. It looks every {@code poll-interval} and whenever it is
 * woken. Each outcome is one update of the entry, which carries the {@code email.sent}/{@code email.failed} event.
 * Each attempt is an observation ({@value #OBSERVATION}) in the trace the entry was written in, so the email's log
 * lines and its event carry the trace id of the registration (or request) that caused it.
 */
@Component
public class Dispatcher implements SmartLifecycle {

    public static final String SOURCE = "/notification-service";
    /** Name of the observation of one attempt (timer {@code conference.email.send}, span "send email"). */
    public static final String OBSERVATION = "conference.email.send";
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** How long an idle sender waits for work before checking whether it should stop. */
    private static final long SENDER_POLL_MILLIS = 200;

    private final Ledger ledger;
    private final MailComposer composer;
    private final SmtpGateway smtp;
    private final OutboxRelay relay;
    private final MailSettings settings;
    private final ObservationRegistry observations;
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread loop;
    private List<Thread> senders = List.of();
    /** Claimed, not yet settled: what the senders are sending plus what waits for them in {@link #claimed}. */
    private Semaphore slots;
    private BlockingQueue<Notification> claimed;

    public Dispatcher(Ledger ledger, MailComposer composer, SmtpGateway smtp, OutboxRelay relay, MailSettings settings,
            ObservationRegistry observations) {
        this.ledger = ledger;
        this.composer = composer;
        this.smtp = smtp;
        this.relay = relay;
        this.settings = settings;
        this.observations = observations;
    }

    /** Look now rather than at the next poll: new entries were written, or a sender became free. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                claimWhileFree();
            } catch (RuntimeException e) {
                log.warn("Dispatcher pass failed: {}", e.toString());
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(settings.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    /** Claims due entries, in the index's order, while a slot is free. */
    private void claimWhileFree() {
        while (running && slots.availablePermits() > 0) {
            List<String> due = ledger.dueNow(Instant.now(), slots.availablePermits());
            int taken = 0;
            for (String value : due) {
                if (!running || !slots.tryAcquire()) {
                    return;
                }
                Notification entry;
                try {
                    entry = ledger.claim(value, Instant.now(), settings.lease());
                } catch (RuntimeException e) {
                    slots.release();
                    throw e;
                }
                if (entry == null) {
                    slots.release(); // another instance, or a change of the entry, came first
                } else {
                    claimed.add(entry);
                    taken++;
                }
            }
            if (taken == 0) {
                return; // nothing due, or everything listed was taken elsewhere: wait to be woken or the next poll
            }
        }
    }

    private void send() {
        try (SmtpConnection connection = smtp.connection(settings.connectionMaxIdle(), settings.connectionMaxMessages())) {
            while (running) {
                Notification entry;
                try {
                    entry = claimed.poll(SENDER_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (entry == null) {
                    connection.closeIfIdle();
                    continue;
                }
                try {
                    Notification claimedEntry = entry;
                    ContinuedTrace.observation(OBSERVATION, entry.trace(), observations).contextualName("send email")
                            .lowCardinalityKeyValue("template", entry.template())
                            .observe(() -> deliver(claimedEntry, connection));
                } catch (RuntimeException e) {
                    // The lease runs out and the entry is claimed again: nothing is lost.
                    log.error("Email {}: unexpected failure, left to its lease", entry.id(), e);
                } finally {
                    slots.release();
                    wake();
                }
            }
        }
    }

    /** One attempt at one claimed entry. */
    private void deliver(Notification entry, SmtpConnection connection) {
        int attempt = entry.attempts() + 1;
        String messageId = composer.messageId(entry, attempt);
        MimeMessage message;
        try {
            message = composer.compose(entry, messageId);
        } catch (RuntimeException e) {
            // Rendering or a malformed address: another try would fail the same way.
            fail(entry, attempt, "Cannot build the email: " + SmtpFailures.describe(e), SmtpFailures.summary(e));
            return;
        }
        try {
            smtp.send(message, connection);
        } catch (CallNotPermittedException | RequestNotPermitted | BulkheadFullException e) {
            // Sending is paused (the breaker opened, possibly during this call's own retries) or limited: this is
            // not the email's fault, so the attempt does not count.
            Instant next = Instant.now().plus(settings.pausedDelay());
            ledger.postpone(entry, pauseReason(e), next);
            log.debug("Email {} postponed to {}: {}", entry.id(), next, e.getClass().getSimpleName());
            return;
        } catch (RuntimeException e) {
            String error = SmtpFailures.describe(e);
            if (SmtpFailures.isTransient(e) && attempt < settings.maxAttempts()) {
                Instant next = Instant.now().plus(settings.backoffAfter(attempt));
                ledger.retryLater(entry, attempt, error, next);
                log.warn("Email {} attempt {}/{} failed ({}); next attempt at {}", entry.id(), attempt,
                        settings.maxAttempts(), SmtpFailures.summary(e), next);
            } else {
                fail(entry, attempt, error, SmtpFailures.summary(e));
            }
            return;
        }
        Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent sent = CloudEventCodec.create(SOURCE, EventTypes.EMAIL_SENT, entry.id(),
                new EmailSent(entry.id(), entry.causationId(), entry.template(), entry.language(), entry.recipient(),
                        messageId, attempt, sentAt.atOffset(ZoneOffset.UTC)));
        if (ledger.markSent(entry, attempt, messageId, sentAt, sent)) {
            log.info("Email {} ({}) sent, attempt {}, causation {}", entry.id(), entry.template(), attempt,
                    entry.causationId());
            relay.wake();
        } else {
            log.warn("Email {} sent but its claim had been taken over (lease too short?)", entry.id());
        }
    }

    private static String pauseReason(RuntimeException pause) {
        if (pause instanceof CallNotPermittedException) {
            return "Mail server unavailable: sending paused (circuit breaker open)";
        }
        return pause instanceof RequestNotPermitted ? "Send rate limit reached: postponed"
                : "Too many sends at once: postponed";
    }

    private void fail(Notification entry, int attempt, String error, String summary) {
        CloudEvent failed = CloudEventCodec.create(SOURCE, EventTypes.EMAIL_FAILED, entry.id(),
                new EmailFailed(entry.id(), entry.causationId(), entry.template(), entry.language(), entry.recipient(),
                        attempt, error));
        if (ledger.markFailed(entry, attempt, error, failed)) {
            log.warn("Email {} ({}) FAILED after attempt {}: {}", entry.id(), entry.template(), attempt, summary);
            relay.wake();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        int concurrency = Math.max(1, settings.concurrency());
        // Senders plus as many waiting: a sender never waits for the loop's next claim round trip.
        slots = new Semaphore(2 * concurrency);
        claimed = new LinkedBlockingQueue<>();
        running = true;
        List<Thread> started = new ArrayList<>();
        for (int i = 1; i <= concurrency; i++) {
            Thread sender = new Thread(this::send, "mail-sender-" + i);
            sender.setDaemon(true);
            sender.start();
            started.add(sender);
        }
        senders = started;
        loop = new Thread(this::loop, "mail-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        try {
            if (loop != null) {
                loop.join(5000);
            }
            // Sends in flight finish; anything still claimed after this comes back when its lease ends.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            for (Thread sender : senders) {
                sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Claimed but never tried: due again now rather than when the lease ends.
        if (claimed != null) {
            for (Notification entry = claimed.poll(); entry != null; entry = claimed.poll()) {
                try {
                    ledger.release(entry, Instant.now());
                } catch (RuntimeException e) {
                    log.debug("Email {} left to its lease: {}", entry.id(), e.toString());
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
