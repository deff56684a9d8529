package eu.efus.conference.notification.dispatch;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One sender's SMTP connection, kept open across messages: connecting and greeting the server cost more than sending a
 * confirmation, so one connection carries many. Reconnects after a failure (the server's state is then unknown),
 * after idling longer than a server keeps a silent connection, and after {@code maxMessages} (servers cap messages per
 * connection). Failures are thrown as {@link JavaMailSenderImpl} throws them, so {@link SmtpFailures} reads them alike.
 * Not thread-safe: one per sending thread.
 */
public final class SmtpConnection implements AutoCloseable {

    private final JavaMailSender sender;
    private final long maxIdleNanos;
    private final int maxMessages;
    private Transport transport;
    private long lastUsed;
    private int sent;

    SmtpConnection(JavaMailSender sender, Duration maxIdle, int maxMessages) {
        this.sender = sender;
        this.maxIdleNanos = maxIdle.toNanos();
        this.maxMessages = Math.max(1, maxMessages);
    }

    /** Sends one message over the open connection, opening one first if needed. */
    void send(MimeMessage message) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            // Another sender (a test double): it manages its own connections.
            sender.send(message);
            return;
        }
        if (transport != null && (System.nanoTime() - lastUsed > maxIdleNanos || sent >= maxMessages)) {
            close();
        }
        if (transport == null) {
            transport = connect(impl);
            sent = 0;
        }
        try {
            // What JavaMailSenderImpl does before sending: a date, and our Message-ID kept (saveChanges replaces it).
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            String messageId = message.getMessageID();
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);
            }
            Address[] recipients = message.getAllRecipients();
            transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
            sent++;
            lastUsed = System.nanoTime();
        } catch (MessagingException | RuntimeException e) {
            close();
            Map<Object, Exception> failed = new LinkedHashMap<>();
            failed.put(message, e);
            throw new MailSendException(failed);
        }
    }

    private static Transport connect(JavaMailSenderImpl impl) {
        String username = "".equals(impl.getUsername()) ? null : impl.getUsername();
        String password = username == null && "".equals(impl.getPassword()) ? null : impl.getPassword();
        Transport transport = null;
        try {
            String protocol = impl.getProtocol() != null ? impl.getProtocol()
                    : impl.getSession().getProperty("mail.transport.protocol");
            transport = impl.getSession().getTransport(protocol != null ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL);
            transport.connect(impl.getHost(), impl.getPort(), username, password);
            return transport;
        } catch (AuthenticationFailedException e) {
            closeQuietly(transport);
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw new MailSendException("Mail server connection failed", e);
        }
    }

    /**
     * Closes the connection if it has not been used for longer than the idle limit: a sender without work does not hold
     * a connection (nor a half-closed one, after the server went away) open on the mail server.
     */
    void closeIfIdle() {
        if (transport != null && System.nanoTime() - lastUsed > maxIdleNanos) {
            close();
        }
    }

    /** Says goodbye to the server (QUIT) if connected; the next send connects again. */
    @Override
    public void close() {
        closeQuietly(transport);
        transport = null;
    }

    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                // Already broken: nothing to say goodbye to.
            }
        }
    }
}
