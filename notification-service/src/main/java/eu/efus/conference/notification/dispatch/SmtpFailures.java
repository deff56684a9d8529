package eu.efus.conference.notification.dispatch;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Tells a failure worth retrying from one that will not get better. An SMTP reply decides when there is one: 4xx is the
 * server asking to come back later, 5xx is a refusal (unknown mailbox, policy). Without a reply, the server or the
 * network was unreachable, slow or refused our login: transient too. An email we could not even build is permanent.
 */
public final class SmtpFailures {

    private SmtpFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Integer code = replyCode(failure);
        if (code != null) {
            return code >= 400 && code < 500;
        }
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(t -> t instanceof AddressException || t instanceof MailParseException
                || t instanceof MailPreparationException)) {
            return false;
        }
        return chain.stream().anyMatch(t -> t instanceof IOException || t instanceof MessagingException
                || t instanceof MailSendException || t instanceof org.springframework.mail.MailAuthenticationException);
    }

    /** The SMTP reply code (4xx/5xx) the server answered with, if the failure carries one. */
    public static Integer replyCode(Throwable failure) {
        Throwable reply = serverReply(chain(failure));
        return reply == null ? null : code(reply);
    }

    /** For the ledger: the server's own reply when there is one ("550 5.1.1 …"), else the innermost cause. */
    public static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        Throwable reply = serverReply(chain);
        String text;
        if (reply != null && reply.getMessage() != null) {
            text = reply.getMessage();
        } else {
            Throwable root = chain.get(chain.size() - 1);
            text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** For logs, which must not carry addresses: the reply code or the exception type only. */
    public static String summary(Throwable failure) {
        Integer code = replyCode(failure);
        if (code != null) {
            return "SMTP " + code;
        }
        List<Throwable> chain = chain(failure);
        return chain.get(chain.size() - 1).getClass().getSimpleName();
    }

    private static Throwable serverReply(List<Throwable> chain) {
        return chain.stream().filter(t -> code(t) >= 400).findFirst().orElse(null);
    }

    private static int code(Throwable t) {
        return t instanceof SMTPAddressFailedException e ? e.getReturnCode()
                : t instanceof SMTPSendFailedException e ? e.getReturnCode()
                : t instanceof SMTPSenderFailedException e ? e.getReturnCode() : -1;
    }

    /** The failure and everything it wraps: causes, JavaMail's chained exceptions, Spring's per-message failures. */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t instanceof MailSendException send) {
                todo.addAll(List.of(send.getMessageExceptions()));
            }
            if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
                todo.add(messaging.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return all;
    }
}
