package eu.efus.conference.notification.dispatch;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The only way out to the mail server: {@link JavaMailSender} behind the Resilience4j instances named
 * {@value #INSTANCE} (configured under {@code resilience4j.*.instances.smtp}). From the outside in: Retry (a few quick
 * tries, transient failures only), CircuitBreaker (stops calling a server that keeps failing), RateLimiter (send rate),
 * Bulkhead (concurrent connections). Each retry goes through the breaker and the limits again. The dispatcher's senders
 * each keep one {@link SmtpConnection} open and send many messages over it.
 */
@Component
public class SmtpGateway {

    public static final String INSTANCE = "smtp";

    private final JavaMailSender sender;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;

    public SmtpGateway(JavaMailSender sender, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers,
            RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads) {
        this.sender = sender;
        this.retry = retries.retry(INSTANCE);
        this.circuitBreaker = circuitBreakers.circuitBreaker(INSTANCE);
        this.rateLimiter = rateLimiters.rateLimiter(INSTANCE);
        this.bulkhead = bulkheads.bulkhead(INSTANCE);
    }

    /**
     * Sends, or throws: the last failure after the retries, or {@code CallNotPermittedException},
     * {@code RequestNotPermitted}, {@code BulkheadFullException} when sending is paused (nothing was attempted).
     */
    public void send(MimeMessage message) {
        guard(() -> sender.send(message));
    }

    /**
     * Like {@link #send(MimeMessage)}, over a connection kept open by the calling sender (each retry reconnects if the
     * failure closed it).
     */
    public void send(MimeMessage message, SmtpConnection connection) {
        guard(() -> connection.send(message));
    }

    /** A connection for one sending thread, to be closed by it. */
    public SmtpConnection connection(Duration maxIdle, int maxMessages) {
        return new SmtpConnection(sender, maxIdle, maxMessages);
    }

    private void guard(CheckedRunnable call) {
        CheckedRunnable guarded = Retry.decorateCheckedRunnable(retry,
                CircuitBreaker.decorateCheckedRunnable(circuitBreaker,
                        RateLimiter.decorateCheckedRunnable(rateLimiter,
                                Bulkhead.decorateCheckedRunnable(bulkhead, call))));
        try {
            guarded.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
