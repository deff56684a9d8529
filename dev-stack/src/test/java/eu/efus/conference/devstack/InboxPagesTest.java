package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

class InboxPagesTest {

    private static final String EVIL = "\"><script>alert('x')</script><img src=x onerror=alert(1)>";

    private static MimeMessage evilMessage() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("attacker@example.org", EVIL, "UTF-8"));
        message.setRecipients(MimeMessage.RecipientType.TO, "victim@example.org");
        message.setSubject("Hi " + EVIL, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("plain " + EVIL, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>html</p>" + EVIL, "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar; charset=UTF-8; method=REQUEST");
        attachment.setFileName("invite" + EVIL + ".ics");
        message.setContent(new MimeMultipart("mixed", body, attachment));
        message.saveChanges();
        return message;
    }

    @Test
    void partsAreFound() throws Exception {
        MailInbox.Details d = MailInbox.details(7, evilMessage(), Instant.parse("2026-03-20T10:00:00Z"));
        assertEquals(7, d.index());
        assertEquals("Hi " + EVIL, d.subject());
        assertTrue(d.from().contains("attacker@example.org"));
        assertEquals("victim@example.org", d.to());
        assertEquals("plain " + EVIL, d.text());
        assertEquals("<p>html</p>" + EVIL, d.html());
        assertEquals(List.of("invite" + EVIL + ".ics"), d.attachments());
        assertTrue(d.messageId() != null && d.messageId().startsWith("<"));
    }

    @Test
    void listPageEscapesEverything() throws Exception {
        String page = InboxWebServer.listPage(List.of(MailInbox.details(1, evilMessage(), Instant.now())));
        assertNoActiveContent(page);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), page);
        assertTrue(page.contains("href=\"/messages/1\""));
    }

    @Test
    void detailPageEscapesEverythingAndSandboxesTheHtmlPart() throws Exception {
        String page = InboxWebServer.detailPage(MailInbox.details(1, evilMessage(), Instant.now()));
        assertNoActiveContent(page);
        assertTrue(page.contains("<iframe sandbox srcdoc=\"&lt;p&gt;html&lt;/p&gt;&quot;&gt;&lt;script&gt;"), page);
        assertTrue(page.contains("<pre>plain &quot;&gt;&lt;script&gt;"), page);
        assertTrue(page.contains("invite&quot;&gt;&lt;script&gt;"), "attachment name escaped");
    }

    @Test
    void jsonEscapesQuotesAndMarkup() throws Exception {
        String json = InboxWebServer.listJson(List.of(MailInbox.details(3, evilMessage(), Instant.now())));
        assertTrue(json.startsWith("[{\"index\":3,\"from\":"), json);
        assertFalse(json.contains("<"), json);
        assertTrue(json.contains("\"Hi \\\"\\u003e\\u003cscript\\u003ealert('x')"), json);
        assertTrue(json.contains("\"to\":\"victim@example.org\""), json);

        String detail = InboxWebServer.detailJson(MailInbox.details(3, evilMessage(), Instant.now()));
        assertFalse(detail.contains("<"), detail);
        assertTrue(detail.contains("\"attachments\":[\"invite\\\""), detail);
    }

    @Test
    void escapeHelpers() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;", Escape.html("<a href=\"x\" title='y'>&</a>"));
        assertEquals("", Escape.html(null));
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\\u003c/script\\u003e\"", Escape.json("a\"b\\c\n\u0001</script>"));
        assertEquals("null", Escape.json(null));
    }

    private static void assertNoActiveContent(String page) {
        String lower = page.toLowerCase();
        assertFalse(lower.contains("<script"), "no script element");
        assertFalse(lower.contains("<img"), "no img element");
        assertTrue(page.contains("&quot;&gt;&lt;script&gt;"), "the attribute break-out attempt is inert text");
        assertTrue(page.getBytes(StandardCharsets.UTF_8).length > 0);
    }
}
