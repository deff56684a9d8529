package eu.efus.conference.system;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A check-in code as the tests handle it, from the outside: read from the email's QR image as a scanner reads it, and
 * turned into the code key the roster names it by (written from the documented rule, not from the service's class).
 */
final class CheckInCodes {

    private CheckInCodes() {
    }

    /** The text of the QR code in a PNG, as a desk's scanner would type it. */
    static String decodeQr(Mailbox.Image image) throws IOException {
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        if (picture == null) {
            throw new AssertionError("Not an image: " + image.fileName() + " (" + image.contentType() + ")");
        }
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture))))
                    .getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("No readable QR code in " + image.fileName(), e);
        }
    }

    /** The only PNG image of an email that shows a check-in code. */
    static Mailbox.Image qrImage(Mailbox.Mail mail) {
        var pngs = mail.images().stream().filter(i -> i.contentType().toLowerCase(Locale.ROOT).startsWith("image/png")).toList();
        if (pngs.size() != 1) {
            throw new AssertionError("Expected one PNG image in the email, got " + pngs);
        }
        return pngs.get(0);
    }

    /** The code without its dashes: the canonical form of a code printed in capitals. */
    static String normalised(String printed) {
        return printed.replace("-", "");
    }

    /** The roster's code key: SHA-256 of the canonical code, lower-case hex. */
    static String key(String printed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised(printed).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
