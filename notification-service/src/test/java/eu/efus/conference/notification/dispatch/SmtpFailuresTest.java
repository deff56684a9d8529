package eu.efus.conference.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

class SmtpFailuresTest {

    /** What JavaMailSenderImpl throws when the server refuses the recipient with {@code reply}. */
    private static MailSendException recipientRefused(int code, String reply) throws AddressException {
        InternetAddress to = new InternetAddress("ana.example@example.org");
        SendFailedException failed = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO:<ana.example@example.org>", code, reply),
                new Address[0], new Address[0], new Address[] {to});
        return new MailSendException(Map.of(new Object(), failed));
    }

    private static MailSendException connectionFailed(Exception cause) {
        return new MailSendException("Mail server connection failed", new MessagingException("Couldn't connect", cause));
    }

    @Test
    void connectionProblemsAreTransient() {
        assertThat(SmtpFailures.isTransient(connectionFailed(new ConnectException("Connection refused")))).isTrue();
        assertThat(SmtpFailures.isTransient(connectionFailed(new SocketTimeoutException("Read timed out")))).isTrue();
        assertThat(SmtpFailures.isTransient(new MailAuthenticationException(new AuthenticationFailedException("535")))).isTrue();
        assertThat(SmtpFailures.replyCode(connectionFailed(new ConnectException()))).isNull();
        assertThat(SmtpFailures.describe(connectionFailed(new ConnectException("Connection refused"))))
                .isEqualTo("ConnectException: Connection refused");
    }

    @Test
    void a4xxReplyIsTransient() throws Exception {
        MailSendException greylisted = recipientRefused(451, "451 4.7.1 Greylisted, try again later\n");
        assertThat(SmtpFailures.isTransient(greylisted)).isTrue();
        assertThat(SmtpFailures.replyCode(greylisted)).isEqualTo(451);

        SMTPSendFailedException busy = new SMTPSendFailedException("DATA", 421, "421 4.3.2 Service not available", null,
                null, null, null);
        assertThat(SmtpFailures.isTransient(new MailSendException("send", busy))).isTrue();
    }

    @Test
    void a5xxReplyIsPermanentAndTheServersWordsAreKept() throws Exception {
        MailSendException unknown = recipientRefused(550, "550 5.1.1 mailbox unavailable\n");
        assertThat(SmtpFailures.isTransient(unknown)).isFalse();
        assertThat(SmtpFailures.replyCode(unknown)).isEqualTo(550);
        assertThat(SmtpFailures.describe(unknown)).isEqualTo("550 5.1.1 mailbox unavailable");
        // Logs get the code only: the server's reply may quote the address.
        assertThat(SmtpFailures.summary(unknown)).isEqualTo("SMTP 550");

        SMTPSendFailedException tooBig = new SMTPSendFailedException("DATA", 552, "552 5.3.4 Message too big", null,
                null, null, null);
        assertThat(SmtpFailures.isTransient(new MailSendException("send", tooBig))).isFalse();
    }

    @Test
    void anEmailThatCannotBeBuiltIsPermanent() {
        assertThat(SmtpFailures.isTransient(new MailPreparationException("bad", new AddressException("Illegal address")))).isFalse();
        assertThat(SmtpFailures.isTransient(new IllegalArgumentException("Unknown mail template"))).isFalse();
        assertThat(new TransientSmtpFailure().test(new IllegalStateException())).isFalse();
        assertThat(new TransientSmtpFailure().test(connectionFailed(new ConnectException()))).isTrue();
    }
}
