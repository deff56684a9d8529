package eu.efus.conference.registration.badge;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.PdfContentByte;
import java.util.Map;

/**
 * The QR symbol of a check-in code, drawn as vector squares: sharp at any printer resolution, and a few hundred bytes
 * per badge instead of an image. Error correction M (a badge gets creased and scratched; H would make the modules
 * smaller for no gain on a 19-character code) and the standard quiet zone of 4 modules, which is part of the matrix,
 * so the symbol's white border is reserved whatever is printed around it.
 */
final class QrSymbol {

    /** Modules of white around the symbol, as the QR standard requires for reliable scanning. */
    static final int QUIET_ZONE = 4;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, QUIET_ZONE);

    private QrSymbol() {
    }

    /** The symbol's modules, one bit each, the quiet zone included. */
    static BitMatrix modules(String text) {
        try {
            // Width and height 0: the smallest rendering, one matrix cell per module.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + text + " as a QR code", e);
        }
    }

    /**
     * Draws the symbol as a square of {@code side} points whose lower-left corner is at ({@code x}, {@code y}); each
     * run of dark modules of a row is one rectangle.
     */
    static void draw(PdfContentByte canvas, BitMatrix modules, float x, float y, float side) {
        int count = modules.getWidth();
        float module = side / count;
        canvas.saveState();
        canvas.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < modules.getHeight(); row++) {
            float bottom = y + side - (row + 1) * module;
            int column = 0;
            while (column < count) {
                if (!modules.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < count && modules.get(column, row)) {
                    column++;
                }
                canvas.rectangle(x + start * module, bottom, (column - start) * module, module);
            }
        }
        canvas.fill();
        canvas.restoreState();
    }
}
