package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mongo-java-server and GreenMail as the launcher starts them (no Kafka: the system tests cover it). */
class EmbeddedMailAndMongoTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void mongoDataSurvivesARestart() throws Exception {
        Path file = dataDir.resolve("mongo").resolve("mongo.mv");
        int port = freePort();
        try (MongoComponent mongo = MongoComponent.start(file, DevStack.HOST, port);
                MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            client.getDatabase("registration").getCollection("events").insertOne(new Document("_id", "sdc-2027").append("seats", 700));
        }
        port = freePort();
        try (MongoComponent mongo = MongoComponent.start(file, DevStack.HOST, port);
                MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> events = client.getDatabase("registration").getCollection("events");
            Document event = events.find(new Document("_id", "sdc-2027")).first();
            assertEquals(700, event.getInteger("seats"));
        }
    }

    @Test
    void mailSentOverSmtpIsInTheWebInboxAndOverImapForAnyRecipient() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        int web = freePort();
        try (MailComponent mail = MailComponent.start(DevStack.HOST, smtp, imap);
                InboxWebServer inbox = InboxWebServer.start(MailInbox.of(mail.greenMail()), DevStack.HOST, web)) {

            Properties props = new Properties();
            props.put("mail.smtp.host", "localhost");
            props.put("mail.smtp.port", Integer.toString(smtp));
            Session session = Session.getInstance(props);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("noreply@conference.example", "Conférence SDC", "UTF-8"));
            message.setRecipients(Message.RecipientType.TO, "jeanne.dupont@example.org, press@example.net");
            message.setSubject("Inscription confirmée", "UTF-8");
            message.setText("Bonjour Jeanne", "UTF-8");
            Transport.send(message);
            assertTrue(mail.greenMail().waitForIncomingEmail(5000, 2));

            // web inbox JSON: one entry although GreenMail keeps a copy per recipient mailbox
            String json = get("http://localhost:" + web + "/api/messages");
            assertTrue(json.startsWith("[{\"index\":1,"), json);
            assertEquals(1, json.split("\"index\"").length - 1, json);
            assertTrue(json.contains("\"subject\":\"Inscription confirmée\""), json);
            assertTrue(json.contains("jeanne.dupont@example.org"), json);
            assertTrue(json.contains("\"messageId\":\"\\u003c"), json);
            assertTrue(get("http://localhost:" + web + "/api/messages?to=press@example.net").contains("\"index\":1"));
            assertEquals("[]\n", get("http://localhost:" + web + "/api/messages?to=nobody@example.org"));
            assertTrue(get("http://localhost:" + web + "/").contains("Inscription confirmée"));
            assertTrue(get("http://localhost:" + web + "/messages/1").contains("Bonjour Jeanne"));
            assertEquals(404, status("http://localhost:" + web + "/messages/2"));

            // IMAP: user = recipient address, any password
            for (String recipient : new String[] {"jeanne.dupont@example.org", "press@example.net"}) {
                Store store = session.getStore("imap");
                store.connect("localhost", imap, recipient, "any-password");
                try {
                    Folder folder = store.getFolder("INBOX");
                    folder.open(Folder.READ_ONLY);
                    assertEquals(1, folder.getMessageCount());
                    assertEquals("Inscription confirmée", folder.getMessage(1).getSubject());
                    folder.close(false);
                } finally {
                    store.close();
                }
            }

            // a second mail gets the next index and is listed first
            MimeMessage second = new MimeMessage(session);
            second.setFrom("noreply@conference.example");
            second.setRecipients(Message.RecipientType.TO, "jeanne.dupont@example.org");
            second.setSubject("Second");
            second.setText("2");
            Transport.send(second);
            assertTrue(mail.greenMail().waitForIncomingEmail(5000, 3));
            assertTrue(get("http://localhost:" + web + "/api/messages").startsWith("[{\"index\":2,"));

            HttpResponse<String> purge = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web + "/api/messages"))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, purge.statusCode());
            assertEquals("[]\n", get("http://localhost:" + web + "/api/messages"));
        }
    }

    @Test
    void theInboxKeepsTheNewestMessagesWithTheirNumbers() throws Exception {
        try (MailComponent mail = MailComponent.start(DevStack.HOST, freePort(), freePort())) {
            Session session = smtpSession(mail);
            MailInbox inbox = MailInbox.of(mail.greenMail());
            for (int i = 1; i <= 5; i++) {
                // two recipients: GreenMail keeps a copy in each mailbox, and both copies must go
                send(session, "a@example.org, b@example.org", "Message " + i);
                assertTrue(mail.greenMail().waitForIncomingEmail(5000, 2 * i));
                Thread.sleep(5); // distinct arrival times
            }
            assertEquals(5, inbox.entries().size());

            assertEquals(3, inbox.keepAtMost(2));
            assertEquals(0, inbox.keepAtMost(2));
            List<MailInbox.Entry> kept = inbox.entries();
            assertEquals(List.of(4, 5), kept.stream().map(MailInbox.Entry::index).toList());
            assertEquals("Message 4", kept.get(0).message().getSubject());
            assertEquals(4, mail.greenMail().getReceivedMessages().length, "both copies of the two kept messages");
            assertEquals(2, mail.greenMail().getUserManager().listUser().size(), "recipients of kept mail only");
            assertEquals(null, inbox.get(3));
            assertEquals("Message 5", inbox.get(5).message().getSubject());

            // a mailbox emptied by the limit goes; one that was empty already (an IMAP client waiting) stays
            send(session, "c@example.org", "Message 6");
            assertTrue(mail.greenMail().waitForIncomingEmail(5000, 5));
            mail.greenMail().setUser("waiting@example.org", "any");
            assertEquals(1, inbox.keepAtMost(2));
            assertEquals(List.of("a@example.org", "b@example.org", "c@example.org", "waiting@example.org"),
                    mail.greenMail().getUserManager().listUser().stream().map(u -> u.getEmail()).sorted().toList());
            send(session, "a@example.org", "Message 7");
            assertTrue(mail.greenMail().waitForIncomingEmail(5000, 4));
            assertEquals(7, inbox.get(7).index());
            assertEquals(0, inbox.keepAtMost(0), "0 keeps everything");
            assertEquals(3, inbox.entries().size());

            inbox.purge();
            assertEquals(List.of("waiting@example.org"),
                    mail.greenMail().getUserManager().listUser().stream().map(u -> u.getEmail()).toList());
        }
    }

    private static Session smtpSession(MailComponent mail) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", Integer.toString(mail.greenMail().getSmtp().getPort()));
        return Session.getInstance(props);
    }

    private static void send(Session session, String to, String subject) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom("noreply@conference.example");
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject);
        message.setText(subject);
        Transport.send(message);
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        return response.body();
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
