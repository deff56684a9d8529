package eu.efus.conference.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail SMTP + IMAP. Authentication is disabled: mail to any address is accepted, and IMAP
 * login works with the recipient address as user name and any password.
 */
public final class MailComponent implements AutoCloseable {

    private final GreenMail greenMail;

    private MailComponent(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailComponent start(String host, int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP);
        for (ServerSetup setup : new ServerSetup[] {smtp, imap}) {
            setup.setServerStartupTimeout(10_000);
        }
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailComponent(greenMail);
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
