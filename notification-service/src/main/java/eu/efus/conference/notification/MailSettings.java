package eu.efus.conference.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the service sends mail ({@code conference.mail.*}): the sender, how often a failed email is tried again and how the
 * dispatcher claims work.
 *
 * @param from          sender, {@code Display Name <address>}; the name may contain commas
 * @param maxAttempts   dispatch attempts (each with its quick in-call retries) before an email is given up on
 * @param backoffInitial delay before the second attempt; doubles each time up to {@code backoffMax}
 * @param pausedDelay   when the SMTP circuit is open or the send limits are reached: delay before looking again
 * @param lease         how long a claimed email belongs to one dispatcher; must exceed the longest send
 * @param pollInterval  how often the dispatcher looks for due emails when nobody wakes it
 * @param concurrency   emails sent at the same time by one instance, each sender over its own SMTP connection
 * @param connectionMaxIdle    a sender's connection idle longer than this is closed (servers drop silent connections;
 *                             an idle sender holds none open)
 * @param connectionMaxMessages messages sent over one connection before it is renewed (servers cap them)
 */
@ConfigurationProperties("conference.mail")
public record MailSettings(String from, Integer maxAttempts, Duration backoffInitial, Duration backoffMax,
        Duration pausedDelay, Duration lease, Duration pollInterval, Integer concurrency, Duration connectionMaxIdle,
        Integer connectionMaxMessages) {

    private static final Pattern NAME_AND_ADDRESS = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^>]+)>\\s*$");

    public MailSettings {
        from = from == null || from.isBlank() ? "Security, Democracy & Cities <no-reply@conference.efus.example>" : from;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        backoffInitial = backoffInitial == null ? Duration.ofSeconds(2) : backoffInitial;
        backoffMax = backoffMax == null ? Duration.ofMinutes(5) : backoffMax;
        pausedDelay = pausedDelay == null ? Duration.ofSeconds(5) : pausedDelay;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        concurrency = concurrency == null ? 4 : concurrency;
        connectionMaxIdle = connectionMaxIdle == null ? Duration.ofSeconds(10) : connectionMaxIdle;
        connectionMaxMessages = connectionMaxMessages == null ? 100 : connectionMaxMessages;
    }

    /** The sender as an address; parsed by hand because the display name usually contains a comma. */
    public InternetAddress fromAddress() {
        Matcher matcher = NAME_AND_ADDRESS.matcher(from);
        try {
            InternetAddress address = matcher.matches()
                    ? new InternetAddress(matcher.group(2).trim(), matcher.group(1).trim(), StandardCharsets.UTF_8.name())
                    : new InternetAddress(from.trim());
            address.validate();
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("conference.mail.from is not a valid address: " + from, e);
        }
    }

    /** The sender's domain: the right-hand side of Message-IDs and calendar UIDs. */
    public String domain() {
        String address = fromAddress().getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    /** Delay before attempt {@code attempt + 1} after {@code attempt} failed: initial, doubled each time, capped. */
    public Duration backoffAfter(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = backoffInitial.multipliedBy(factor);
        return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
    }
}
