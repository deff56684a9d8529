package eu.efus.conference.notification;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * An email taken apart the way a mail client does: its MIME structure, the plain-text and HTML bodies (line breaks as
 * rendered: SMTP carries them as CRLF), the inline parts by Content-ID and the attachments.
 *
 * @param structure the tree of content types, e.g. {@code multipart/mixed(multipart/alternative(text/plain,text/html),text/calendar)}
 * @param inline    inline parts by Content-ID, without its angle brackets
 */
public record MailParts(String structure, String text, String html, Map<String, BodyPart> inline,
        List<BodyPart> attachments) {

    private static final Pattern CID_IMAGE = Pattern.compile("<img [^>]*src=\"cid:([^\"]+)\"[^>]*>");
    private static final Pattern ALT = Pattern.compile("alt=\"([^\"]*)\"");

    public static MailParts of(MimeMessage message) throws Exception {
        Walk walk = new Walk();
        String structure = walk.visit(message);
        return new MailParts(structure, walk.text, walk.html, walk.inline, walk.attachments);
    }

    /** The {@code cid:} images of the HTML body: their Content-IDs, in order. */
    public List<String> htmlImages() {
        List<String> ids = new ArrayList<>();
        Matcher matcher = CID_IMAGE.matcher(html == null ? "" : html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** The {@code alt} text of the HTML's image of that Content-ID. */
    public String altOf(String contentId) {
        Matcher images = CID_IMAGE.matcher(html);
        while (images.find()) {
            if (images.group(1).equals(contentId)) {
                Matcher alt = ALT.matcher(images.group());
                return alt.find() ? alt.group(1) : null;
            }
        }
        return null;
    }

    /** What a QR code reader finds in the inline PNG of that Content-ID. */
    public String qrCode(String contentId) throws Exception {
        BodyPart part = inline.get(contentId);
        if (part == null) {
            throw new AssertionError("No inline part " + contentId + " in " + structure);
        }
        return readQrCode(part.getInputStream().readAllBytes());
    }

    /** The text of the QR code in a PNG, read as a phone's scanner would (locating the symbol, not told where it is). */
    public static String readQrCode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new AssertionError("Not an image the JDK can read");
        }
        try {
            Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))));
            return result.getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("No readable QR code in the image", e);
        }
    }

    private static final class Walk {
        String text;
        String html;
        final Map<String, BodyPart> inline = new LinkedHashMap<>();
        final List<BodyPart> attachments = new ArrayList<>();

        String visit(Part part) throws Exception {
            String type = part.getContentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (part.getContent() instanceof Multipart multipart) {
                List<String> children = new ArrayList<>();
                for (int i = 0; i < multipart.getCount(); i++) {
                    children.add(visit(multipart.getBodyPart(i)));
                }
                return type + "(" + String.join(",", children) + ")";
            }
            String contentId = part instanceof MimeBodyPart body ? body.getContentID() : null;
            if (contentId != null && Part.INLINE.equalsIgnoreCase(part.getDisposition())) {
                inline.put(contentId.replaceAll("^<|>$", ""), (BodyPart) part);
            } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.add((BodyPart) part);
            } else if (type.equals("text/plain") && text == null) {
                text = ((String) part.getContent()).replace("\r\n", "\n");
            } else if (type.equals("text/html") && html == null) {
                html = ((String) part.getContent()).replace("\r\n", "\n");
            } else {
                throw new AssertionError("Unexpected part " + type);
            }
            return type;
        }
    }
}
