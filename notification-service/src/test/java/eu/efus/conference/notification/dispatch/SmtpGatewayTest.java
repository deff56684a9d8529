package eu.efus.conference.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/** The gateway really puts every send behind the four Resilience4j patterns, with the transient-only retry rule. */
class SmtpGatewayTest {

    private final JavaMailSender sender = mock(JavaMailSender.class);
    private final MimeMessage message = mock(MimeMessage.class);

    private RetryRegistry retries = RetryRegistry.of(RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(1))
            .retryOnException(new TransientSmtpFailure()).build());
    private CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
            .recordException(new TransientSmtpFailure()).waitDurationInOpenState(Duration.ofMinutes(1)).build());
    private RateLimiterRegistry limiters = RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(100)
            .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
    private BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(4)
            .maxWaitDuration(Duration.ZERO).build());

    private SmtpGateway gateway() {
        return new SmtpGateway(sender, retries, breakers, limiters, bulkheads);
    }

    private static MailSendException connectionRefused() {
        return new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect", new ConnectException("Connection refused")));
    }

    private static MailSendException mailboxUnavailable() throws Exception {
        InternetAddress to = new InternetAddress("nobody@example.org");
        return new MailSendException(Map.of(new Object(), new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 550, "550 5.1.1 mailbox unavailable"))));
    }

    @Test
    void retriesTransientFailuresQuickly() {
        doThrow(connectionRefused()).doThrow(connectionRefused()).doNothing().when(sender).send(any(MimeMessage.class));
        gateway().send(message);
        verify(sender, times(3)).send(message);
    }

    @Test
    void neverRetriesARefusal() throws Exception {
        doThrow(mailboxUnavailable()).when(sender).send(any(MimeMessage.class));
        assertThatThrownBy(() -> gateway().send(message)).isInstanceOf(MailSendException.class);
        verify(sender, times(1)).send(message);
    }

    @Test
    void stopsCallingAServerThatKeepsFailing() {
        retries = RetryRegistry.of(RetryConfig.custom().maxAttempts(1).build());
        SmtpGateway gateway = gateway();
        doThrow(connectionRefused()).when(sender).send(any(MimeMessage.class));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> gateway.send(message)).isInstanceOf(MailSendException.class);
        }
        assertThatThrownBy(() -> gateway.send(message)).isInstanceOf(CallNotPermittedException.class);
        verify(sender, times(4)).send(message);
    }

    @Test
    void aRefusedMailboxDoesNotOpenTheCircuit() throws Exception {
        retries = RetryRegistry.of(RetryConfig.custom().maxAttempts(1).build());
        SmtpGateway gateway = gateway();
        doThrow(mailboxUnavailable()).when(sender).send(any(MimeMessage.class));
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> gateway.send(message)).isInstanceOf(MailSendException.class);
        }
        verify(sender, times(6)).send(message);
    }

    @Test
    void limitsTheSendRate() {
        limiters = RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(2)
                .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build());
        SmtpGateway gateway = gateway();
        doNothing().when(sender).send(any(MimeMessage.class));
        gateway.send(message);
        gateway.send(message);
        assertThatThrownBy(() -> gateway.send(message)).isInstanceOf(RequestNotPermitted.class);
        verify(sender, times(2)).send(message);
    }

    @Test
    void limitsConcurrentSends() throws Exception {
        bulkheads = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build());
        SmtpGateway gateway = gateway();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(call -> {
            inside.countDown();
            release.await(10, TimeUnit.SECONDS);
            return null;
        }).when(sender).send(any(MimeMessage.class));

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> gateway.send(message));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> gateway.send(message)).isInstanceOf(BulkheadFullException.class);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        verify(sender, times(1)).send(message);
    }
}
