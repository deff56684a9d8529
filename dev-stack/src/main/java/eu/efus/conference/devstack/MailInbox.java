package eu.efus.conference.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.Date;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * All mail GreenMail received, in arrival order, with stable 1-based indexes. GreenMail stores one
 * copy per recipient mailbox; copies of one message (byte-identical, received within a few
 * seconds of each other) are shown once. Entries stay until {@link #purge()} even if an IMAP client deletes them, or
 * until {@link #keepAtMost(int)} deletes the oldest; an entry keeps its index either way (until a purge).
 */
public final class MailInbox {

    private static final Duration SAME_DELIVERY = Duration.ofSeconds(5);

    /** One received message. */
    public record Entry(int index, MimeMessage message, Instant received) {
    }

    private final Supplier<List<StoredMessage>> source;
    private final Runnable purger;
    private final java.util.function.Consumer<Instant> dropper;
    /** Entries deleted by {@link #keepAtMost(int)} since the last purge: the index of {@code entries.get(0)} - 1. */
    private int dropped;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> digests = new ArrayList<>();
    private final Map<StoredMessage, Boolean> seen = new IdentityHashMap<>();

    /**
     * @param source  every stored message, each mailbox's copy included
     * @param purger  deletes every stored message
     * @param dropper deletes the stored messages received before the given instant
     */
    public MailInbox(Supplier<List<StoredMessage>> source, Runnable purger, java.util.function.Consumer<Instant> dropper) {
        this.source = source;
        this.purger = purger;
        this.dropper = dropper;
    }

    public static MailInbox of(GreenMail greenMail) {
        return new MailInbox(() -> greenMail.getManagers().getImapHostManager().getAllMessages(), () -> {
            dropBefore(greenMail, Instant.MAX);
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                throw new IllegalStateException(e);
            }
        }, before -> dropBefore(greenMail, before));
    }

    /**
     * Marks every stored message received before {@code before} deleted, in every mailbox, and expunges them; a
     * recipient's mailbox emptied that way goes too. GreenMail finds a recipient's mailbox by scanning all of them
     * (each delivery compares the address with every mailbox's name), so a load test with tens of thousands of
     * different recipients made every email cost more than the last; keeping only the recipients of kept mail bounds
     * that. A mailbox that was already empty (an IMAP client waiting for mail) is left alone.
     */
    private static void dropBefore(GreenMail greenMail, Instant before) {
        Map<String, GreenMailUser> owners = new java.util.HashMap<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            owners.put("#mail." + user.getQualifiedMailboxName() + ".INBOX", user);
        }
        List<GreenMailUser> emptied = new ArrayList<>();
        try {
            for (MailFolder folder : greenMail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
                boolean any = false;
                for (StoredMessage stored : folder.getMessages()) {
                    if (stored.getReceivedDate().toInstant().isBefore(before)) {
                        stored.setFlag(Flags.Flag.DELETED, true);
                        any = true;
                    }
                }
                if (any) {
                    folder.expunge();
                    GreenMailUser owner = owners.get(folder.getFullName());
                    if (folder.getMessageCount() == 0 && owner != null) {
                        emptied.add(owner);
                    }
                }
            }
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
        emptied.forEach(greenMail.getUserManager()::deleteUser);
    }

    /**
     * Deletes the oldest entries (and their copies in every mailbox) beyond the newest {@code keep}; 0 keeps all.
     * The kept entries keep their indexes. Returns how many entries were deleted.
     */
    public synchronized int keepAtMost(int keep) {
        refresh();
        int excess = entries.size() - keep;
        if (keep <= 0 || excess <= 0) {
            return 0;
        }
        Instant firstKept = entries.get(excess).received();
        dropper.accept(firstKept);
        entries.subList(0, excess).clear();
        digests.subList(0, excess).clear();
        seen.keySet().removeIf(stored -> stored.getReceivedDate().toInstant().isBefore(firstKept));
        dropped += excess;
        return excess;
    }

    /** All entries, oldest first. */
    public synchronized List<Entry> entries() {
        refresh();
        return List.copyOf(entries);
    }

    public synchronized Entry get(int index) {
        refresh();
        int position = index - dropped;
        return position >= 1 && position <= entries.size() ? entries.get(position - 1) : null;
    }

    public synchronized void purge() {
        purger.run();
        entries.clear();
        digests.clear();
        seen.clear();
        dropped = 0;
    }

    private void refresh() {
        List<StoredMessage> all = snapshot();
        List<StoredMessage> fresh = new ArrayList<>();
        for (StoredMessage stored : all) {
            if (seen.put(stored, Boolean.TRUE) == null) {
                fresh.add(stored);
            }
        }
        fresh.sort((a, b) -> a.getReceivedDate().compareTo(b.getReceivedDate()));
        for (StoredMessage stored : fresh) {
            Instant received = stored.getReceivedDate().toInstant();
            MimeMessage message = stored.getMimeMessage();
            String digest = digest(message);
            if (!isCopyOfKnown(digest, received)) {
                entries.add(new Entry(dropped + entries.size() + 1, message, received));
                digests.add(digest);
            }
        }
    }

    private List<StoredMessage> snapshot() {
        for (int attempt = 0; ; attempt++) {
            try {
                return new ArrayList<>(source.get());
            } catch (ConcurrentModificationException e) {
                if (attempt >= 5) {
                    return Collections.emptyList();
                }
            }
        }
    }

    private boolean isCopyOfKnown(String digest, Instant received) {
        if (digest == null) {
            return false;
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (Duration.between(entries.get(i).received(), received).compareTo(SAME_DELIVERY) > 0) {
                return false;
            }
            if (digest.equals(digests.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** SHA-256 of the stored source (headers GreenMail added included); null if unreadable. */
    private static String digest(MimeMessage message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                message.writeTo(out);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | MessagingException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- reading messages

    /** What the inbox shows of one message. */
    public record Details(int index, String from, String to, String cc, String subject, Instant date,
            Instant received, String messageId, String text, String html, List<String> attachments,
            List<Map.Entry<String, String>> headers) {
    }

    public static Details details(Entry entry) {
        return details(entry.index(), entry.message(), entry.received());
    }

    public static Details details(int index, MimeMessage message, Instant received) {
        try {
            Parsed parsed = new Parsed();
            walk(message, parsed);
            Date sent = message.getSentDate();
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            Enumeration<Header> all = message.getAllHeaders();
            while (all.hasMoreElements()) {
                Header header = all.nextElement();
                headers.add(Map.entry(header.getName(), decode(header.getValue())));
            }
            return new Details(index,
                    addresses(message.getFrom()),
                    addresses(message.getRecipients(MimeMessage.RecipientType.TO)),
                    addresses(message.getRecipients(MimeMessage.RecipientType.CC)),
                    message.getSubject(),
                    sent == null ? received : sent.toInstant(),
                    received,
                    messageId(message),
                    parsed.text, parsed.html, parsed.attachments, headers);
        } catch (MessagingException | IOException e) {
            return new Details(index, "", "", "", "(unreadable message: " + e.getMessage() + ")", received, received,
                    null, null, null, List.of(), List.of());
        }
    }

    private static final class Parsed {
        String text;
        String html;
        final List<String> attachments = new ArrayList<>();
    }

    private static void walk(Part part, Parsed out) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i), out);
                }
            }
            return;
        }
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (!attachment && out.text == null && part.isMimeType("text/plain")) {
            out.text = textOf(part);
        } else if (!attachment && out.html == null && part.isMimeType("text/html")) {
            out.html = textOf(part);
        } else {
            out.attachments.add(fileName != null ? fileName : "(unnamed " + baseType(part) + ")");
        }
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (IOException unsupportedCharset) {
            // fall back to the raw bytes below
        }
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : decode(name);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        String type = part.getContentType();
        if (type == null) {
            return "part";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase();
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Address address : addresses) {
            out.add(address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString());
        }
        return String.join(", ", out);
    }

    private static String decode(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (IOException e) {
            return value;
        }
    }
}
