package eu.efus.conference.registration.badge;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** A badge PDF read back the way a reader and a desk scanner see it: the text of each page, and its QR code. */
final class BadgePdf implements AutoCloseable {

    private final PDDocument document;

    BadgePdf(byte[] pdf) throws IOException {
        document = Loader.loadPDF(pdf);
    }

    int pages() {
        return document.getNumberOfPages();
    }

    /** The text of page {@code index} (0-based), as text extraction gives it. */
    String text(int index) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        return stripper.getText(document);
    }

    /** Every page's text. */
    List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < pages(); i++) {
            texts.add(text(i));
        }
        return texts;
    }

    /** What the QR code of page {@code index} says, read from the page printed at 150 dpi in grey. */
    String qrCode(int index) throws IOException, NotFoundException {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(index, 150, ImageType.GRAY);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("the QR code of page " + (index + 1) + " does not read", e);
        }
    }

    /** Where each character of page {@code index} is printed. */
    List<TextPosition> positions(int index) throws IOException {
        List<TextPosition> positions = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                positions.add(text);
                super.processTextPosition(text);
            }
        };
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        stripper.getText(document);
        return positions;
    }

    /** The fonts page {@code index} uses. */
    List<PDFont> fonts(int index) throws IOException {
        PDPage page = document.getPage(index);
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : page.getResources().getFontNames()) {
            fonts.add(page.getResources().getFont(name));
        }
        return fonts;
    }

    /** The page's media box: width and height in points. */
    float[] size(int index) {
        var box = document.getPage(index).getMediaBox();
        return new float[] {box.getWidth(), box.getHeight()};
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
