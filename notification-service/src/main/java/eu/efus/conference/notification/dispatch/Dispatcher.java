package eu.efus.conference.notification.dispatch;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EmailFailed;
import eu.efus.conference.contracts.EmailSent;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.kit.outbox.OutboxRelay;
import eu.efus.conference.notification.MailSettings;
import eu.efus.conference.notification.ledger.Ledger;
import eu.efus.conference.notification.ledger.Notification;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends what the ledger holds, apart from the consumer so that a slow or absent mail server never holds up the
 * registration events. A loop claims due entries (with a lease, so several instances share the work and a crashed
 * one's entries come back) and hands each to a worker; it looks every {@code poll-interval} and whenever it is woken.
 * Each outcome is one update of the entry, which carries the {@code email.sent}/{@code email.failed} event with it.
 */
@Component
public class Dispatcher implements SmartLifecycle {

    public static final String SOURCE = "/notification-service";
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Ledger ledger;
    private final MailComposer composer;
    private final SmtpGateway smtp;
    private final OutboxRelay relay;
    private final MailSettings settings;
    private final Semaphore slots;
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread loop;
    private ExecutorService workers;

    public Dispatcher(Ledger ledger, MailComposer composer, SmtpGateway smtp, OutboxRelay relay, MailSettings settings) {
        this.ledger = ledger;
        this.composer = composer;
        this.smtp = smtp;
        this.relay = relay;
        this.settings = settings;
        this.slots = new Semaphore(settings.concurrency());
    }

    /** Look now rather than at the next poll: new entries were written, or a worker became free. */
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

    private void claimWhileFree() {
        while (running && slots.tryAcquire()) {
            Notification claimed;
            try {
                claimed = ledger.claimNext(Instant.now(), settings.lease());
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            if (claimed == null) {
                slots.release();
                return;
            }
            workers.execute(() -> {
                try {
                    deliver(claimed);
                } catch (RuntimeException e) {
                    // The lease runs out and the entry is claimed again: nothing is lost.
                    log.error("Email {}: unexpected failure, left to its lease", claimed.id(), e);
                } finally {
                    slots.release();
                    wake();
                }
            });
        }
    }

    /** One attempt at one claimed entry; package-visible for tests. */
    void deliver(Notification entry) {
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
            smtp.send(message);
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
    public void start() {
        AtomicInteger ids = new AtomicInteger();
        workers = Executors.newFixedThreadPool(settings.concurrency(), task -> {
            Thread thread = new Thread(task, "mail-sender-" + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        loop = new Thread(this::loop, "mail-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        try {
            if (loop != null) {
                loop.join(5000);
            }
            if (workers != null) {
                workers.shutdown();
                // Sends in flight finish; anything still claimed after this comes back when its lease ends.
                workers.awaitTermination(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
