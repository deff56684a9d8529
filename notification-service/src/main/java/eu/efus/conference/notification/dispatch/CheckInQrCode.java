package eu.efus.conference.notification.dispatch;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The QR code of a check-in code as a small black-on-white PNG, for the emails that confirm a seat: error correction M
 * (a creased printout or a cracked screen still scans), the standard quiet zone of 4 modules, 6 pixels per module (a
 * 16-character code is a 21-module symbol: 174 × 174 pixels, a few hundred bytes at 1 bit per pixel).
 *
 * <p>It depends only on the code, and is built when the email is, never stored: the ledger keeps the event data, which
 * holds the code. Drawn straight into the image's bits and written by the JDK's PNG writer into memory (no AWT display,
 * no cache file), so it costs little next to the rest of the email.
 */
public final class CheckInQrCode {

    public static final String CONTENT_TYPE = "image/png";
    public static final String FILE_NAME = "check-in-code.png";
    static final int QUIET_ZONE = 4;
    static final int MODULE_PIXELS = 6;

    /** Found once: looking a writer up by format name walks ImageIO's registry. A writer itself serves one image. */
    private static final ImageWriterSpi PNG = ImageIO.getImageWritersByFormatName("png").next().getOriginatingProvider();

    private CheckInQrCode() {
    }

    /** The PNG of {@code code}, encoded exactly as given (the desk's scanner reads what the email prints). */
    public static byte[] png(String code) {
        ByteMatrix symbol;
        try {
            symbol = Encoder.encode(code, ErrorCorrectionLevel.M).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("No QR code holds a check-in code of " + code.length() + " characters", e);
        }
        return write(draw(symbol));
    }

    /** The symbol with its quiet zone, each module a square of pixels: 1 bit per pixel, 0 black and 1 white. */
    private static BufferedImage draw(ByteMatrix symbol) {
        int modules = symbol.getWidth() + 2 * QUIET_ZONE;
        int size = modules * MODULE_PIXELS;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = (size + 7) / 8;
        byte[] row = new byte[stride];
        for (int y = 0; y < modules; y++) {
            Arrays.fill(row, (byte) 0xff);
            int symbolRow = y - QUIET_ZONE;
            if (symbolRow >= 0 && symbolRow < symbol.getHeight()) {
                for (int x = 0; x < symbol.getWidth(); x++) {
                    if (symbol.get(x, symbolRow) == 1) {
                        int from = (x + QUIET_ZONE) * MODULE_PIXELS;
                        for (int pixel = from; pixel < from + MODULE_PIXELS; pixel++) {
                            row[pixel >> 3] &= (byte) ~(0x80 >> (pixel & 7));
                        }
                    }
                }
            }
            for (int copy = 0; copy < MODULE_PIXELS; copy++) {
                System.arraycopy(row, 0, pixels, (y * MODULE_PIXELS + copy) * stride, stride);
            }
        }
        return image;
    }

    private static byte[] write(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream(512);
        ImageWriter writer;
        try {
            writer = PNG.createWriterInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the check-in QR code", e);
        } finally {
            writer.dispose();
        }
        return png.toByteArray();
    }
}
