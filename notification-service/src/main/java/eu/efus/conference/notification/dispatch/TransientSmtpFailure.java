package eu.efus.conference.notification.dispatch;

import java.util.function.Predicate;

/**
 * {@link SmtpFailures#isTransient} as the predicate Resilience4j configuration names: what the {@code smtp} Retry retries
 * and what its CircuitBreaker counts as the server failing (a 5xx for one mailbox says nothing about the server).
 */
public class TransientSmtpFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return SmtpFailures.isTransient(failure);
    }
}
