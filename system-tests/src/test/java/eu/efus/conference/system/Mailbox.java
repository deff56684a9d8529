package eu.efus.conference.system;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimePart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a participant's inbox over IMAP, as a mail client would. */
final class Mailbox {

    /** An image of an email (the QR code of a check-in code): its file name, Content-ID and bytes. */
    record Image(String fileName, String contentId, String contentType, byte[] bytes) {
    }

    /** One received email, flattened into what the tests look at. */
    record Mail(String subject, String from, String text, String html, List<String> attachments, String calendar,
            List<Image> images) {

        /** The check-in code as the plain-text part prints it, {@code XXXX-XXXX-XXXX-XXXX}. */
        String checkInCode() {
            Matcher m = Pattern.compile("(?m)^\\s*([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\\s*$").matcher(text);
            if (!m.find()) {
                throw new AssertionError("No check-in code in: " + text);
            }
            return m.group(1);
        }

        /** The private manage link the email carries, from its plain-text part. */
        String manageLink() {
            Matcher m = Pattern.compile("(https?://\\S+/manage#id=[A-Za-z0-9_-]+&token=[A-Za-z0-9_-]+)").matcher(text);
            if (!m.find()) {
                throw new AssertionError("No manage link in: " + text);
            }
            return m.group(1);
        }
    }

    private Mailbox() {
    }

    static List<Mail> read(int imapPort, String address) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("localhost", imapPort, address, "any-password");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                StringBuilder text = new StringBuilder();
                StringBuilder html = new StringBuilder();
                StringBuilder calendar = new StringBuilder();
                List<String> attachments = new ArrayList<>();
                List<Image> images = new ArrayList<>();
                walk(message, text, html, calendar, attachments, images);
                mails.add(new Mail(message.getSubject(), message.getFrom()[0].toString(), text.toString(), html.toString(),
                        attachments, calendar.toString(), images));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }

    private static void walk(Part part, StringBuilder text, StringBuilder html, StringBuilder calendar,
            List<String> attachments, List<Image> images) throws Exception {
        if (part.isMimeType("image/*")) {
            String contentId = part instanceof MimePart mime ? mime.getContentID() : null;
            try (InputStream in = part.getInputStream()) {
                images.add(new Image(part.getFileName(), contentId == null ? null : contentId.replaceAll("^<|>$", ""),
                        part.getContentType(), in.readAllBytes()));
            }
        }
        if (part.getFileName() != null) {
            attachments.add(part.getFileName());
            if (part.isMimeType("text/calendar") || part.getFileName().endsWith(".ics")) {
                calendar.append(content(part));
            }
            return;
        }
        if (part.isMimeType("text/plain")) {
            text.append(content(part));
        } else if (part.isMimeType("text/html")) {
            html.append(content(part));
        } else if (part.isMimeType("text/calendar")) {
            calendar.append(content(part));
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, text, html, calendar, attachments, images);
            }
        }
    }

    private static String content(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof InputStream in) {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new IOException("Unexpected content " + content.getClass());
    }
}
