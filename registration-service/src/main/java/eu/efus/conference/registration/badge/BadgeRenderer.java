package eu.efus.conference.registration.badge;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Lays out badges, one A6 page each (105 × 148 mm, the size of common badge holders): the event's title in a band at
 * the top, the first and last names large on their own lines, the organisation, the country and the category, then
 * the QR code of the check-in code with the code printed below it, and for journalists a PRESS band at the bottom.
 *
 * <p>Text is set in Liberation Sans (Latin with every European diacritic, Greek, Cyrillic), embedded as a subset of
 * the glyphs used, so the PDF prints the same on any printer. Pure: no I/O but the output stream, no Spring.
 */
public final class BadgeRenderer {

    /** The page of one badge. */
    public static final Rectangle PAGE = PageSize.A6;

    private static final float MARGIN = 18f;
    private static final float BAND_PADDING = 9f;
    private static final float PRESS_BAND = 46f;
    private static final float QR_SIDE = 112f;
    private static final float CODE_SIZE = 11f;
    /** Below this, the text blocks are not shrunk further (a factor of the normal sizes). */
    private static final float SMALLEST_SCALE = 0.25f;
    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color MUTED = new Color(0x4d, 0x4d, 0x4d);
    private static final Color BRAND = new Color(0x1b, 0x36, 0x5d);
    private static final Color PRESS = new Color(0xb0, 0x10, 0x27);

    private final byte[] sans;
    private final byte[] sansBold;
    private final byte[] mono;

    public BadgeRenderer() {
        sans = font("liberation/LiberationSans-Regular.ttf");
        sansBold = font("liberation/LiberationSans-Bold.ttf");
        mono = font("liberation/LiberationMono-Regular.ttf");
    }

    /** The badges as one PDF in memory: for a single badge, or for tests. */
    public byte[] render(List<Badge> badges) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192 + badges.size() * 4096);
        write(badges.iterator(), out);
        return out.toByteArray();
    }

    /**
     * Writes one page per badge to {@code out}; each page leaves for the stream once laid out, so the memory used grows
     * only by a few bytes a page (its place in the cross-reference table); the fonts' glyph subsets are written at the
     * end. {@code out} is flushed, not closed.
     *
     * @throws IllegalArgumentException when there is no badge (a PDF has at least one page)
     */
    public void write(Iterator<Badge> badges, OutputStream out) {
        if (!badges.hasNext()) {
            throw new IllegalArgumentException("No badge to print");
        }
        Document document = new Document(PAGE, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        writer.setFullCompression();
        document.addTitle("Badges");
        document.open();
        Fonts fonts = new Fonts(embedded("LiberationSans-Regular.ttf", sans),
                embedded("LiberationSans-Bold.ttf", sansBold), embedded("LiberationMono-Regular.ttf", mono));
        PdfContentByte canvas = writer.getDirectContent();
        boolean first = true;
        while (badges.hasNext()) {
            if (!first) {
                document.newPage();
            }
            first = false;
            draw(canvas, fonts, badges.next());
        }
        document.close();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PdfContentByte canvas, Fonts fonts, Badge badge) {
        float width = PAGE.getWidth();
        float height = PAGE.getHeight();
        float lineWidth = width - 2 * MARGIN;

        // The event, in a band across the top.
        TextBlock title = TextBlock.fit(fonts.bold(), badge.eventTitle(), lineWidth, 11f, 8f);
        float band = title.height() + 2 * BAND_PADDING;
        fillRectangle(canvas, BRAND, 0, height - band, width, band);
        drawLines(canvas, fonts.bold(), title, Color.WHITE, width / 2, height - BAND_PADDING);

        // From the bottom up: the press band, the code, its QR symbol.
        float bottom = 0;
        if (badge.press()) {
            TextBlock mark = TextBlock.fit(fonts.bold(), badge.pressMark(), lineWidth, 30f, 12f);
            fillRectangle(canvas, PRESS, 0, 0, width, PRESS_BAND);
            float top = (PRESS_BAND + mark.height()) / 2;
            drawLines(canvas, fonts.bold(), mark, Color.WHITE, width / 2, top);
            bottom = PRESS_BAND;
        }
        float codeBaseline = bottom + 14f;
        text(canvas, fonts.mono(), CODE_SIZE, INK, badge.checkInCode(), width / 2, codeBaseline);
        float qrBottom = codeBaseline + CODE_SIZE;
        BitMatrix modules = QrSymbol.modules(badge.checkInCode());
        QrSymbol.draw(canvas, modules, (width - QR_SIDE) / 2, qrBottom, QR_SIDE);

        // The person, centred between the band and the top of the symbol (whose white quiet zone is part of it).
        float areaTop = height - band - 10f;
        float areaBottom = qrBottom + QR_SIDE;
        List<Line> lines = person(fonts, badge, lineWidth, areaTop - areaBottom);
        float total = 0;
        for (Line line : lines) {
            total += line.space();
        }
        float top = areaTop - Math.max(0, (areaTop - areaBottom - total) / 2);
        for (Line line : lines) {
            top -= line.gapAbove();
            drawLines(canvas, line.font(), line.block(), line.color(), width / 2, top);
            top -= line.block().height();
        }
    }

    /** One block of the person's part, with the space left above it. */
    private record Line(TextBlock block, BaseFont font, Color color, float gapAbove) {
        float space() {
            return gapAbove + block.height();
        }
    }

    /**
     * The names (one size for both, as large as the longer allows), organisation, country and category; shrunk as a
     * whole until they fit the height available, which only very long texts need.
     */
    private static List<Line> person(Fonts fonts, Badge badge, float width, float available) {
        List<Line> lines = List.of();
        for (float scale = 1f; scale >= SMALLEST_SCALE; scale *= 0.9f) {
            lines = personAt(fonts, badge, width, scale);
            float total = 0;
            for (Line line : lines) {
                total += line.space();
            }
            if (total <= available) {
                break;
            }
        }
        return lines;
    }

    private static List<Line> personAt(Fonts fonts, Badge badge, float width, float scale) {
        float nameMax = 30f * scale;
        float nameMin = 15f * scale;
        float nameSize = Math.min(TextBlock.sizeToFit(fonts.bold(), badge.firstName(), width, nameMax, nameMin),
                TextBlock.sizeToFit(fonts.bold(), badge.lastName(), width, nameMax, nameMin));
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(TextBlock.at(fonts.bold(), badge.firstName(), width, nameSize), fonts.bold(), INK, 0));
        lines.add(new Line(TextBlock.at(fonts.bold(), badge.lastName(), width, nameSize), fonts.bold(), INK, 0));
        if (!TextBlock.clean(badge.organisation()).isEmpty()) {
            lines.add(new Line(TextBlock.fit(fonts.sans(), badge.organisation(), width, 13f * scale, 9f * scale),
                    fonts.sans(), INK, 10f * scale));
        }
        if (!TextBlock.clean(badge.country()).isEmpty()) {
            lines.add(new Line(TextBlock.fit(fonts.sans(), badge.country(), width, 11f * scale, 8f * scale),
                    fonts.sans(), MUTED, 3f * scale));
        }
        if (!badge.press() && !TextBlock.clean(badge.category()).isEmpty()) {
            lines.add(new Line(TextBlock.fit(fonts.bold(), badge.category(), width, 11f * scale, 8f * scale),
                    fonts.bold(), BRAND, 9f * scale));
        }
        return lines;
    }

    /** Draws the lines centred on {@code centre}, the first one's top at {@code top}. */
    private static void drawLines(PdfContentByte canvas, BaseFont font, TextBlock block, Color color, float centre,
            float top) {
        // Capitals centred in each line's height: room for accents above and descenders below.
        float capitals = font.getFontDescriptor(BaseFont.CAPHEIGHT, block.size());
        float lead = block.size() * TextBlock.LEADING;
        float lineTop = top;
        for (String line : block.lines()) {
            text(canvas, font, block.size(), color, line, centre, lineTop - (lead + capitals) / 2);
            lineTop -= lead;
        }
    }

    private static void text(PdfContentByte canvas, BaseFont font, float size, Color color, String text, float centre,
            float baseline) {
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setColorFill(color);
        canvas.showTextAligned(PdfContentByte.ALIGN_CENTER, TextBlock.clean(text), centre, baseline, 0);
        canvas.endText();
    }

    private static void fillRectangle(PdfContentByte canvas, Color color, float x, float y, float width, float height) {
        canvas.saveState();
        canvas.setColorFill(color);
        canvas.rectangle(x, y, width, height);
        canvas.fill();
        canvas.restoreState();
    }

    /** The fonts of one document; each document embeds its own subsets, so no font object outlives it. */
    private record Fonts(BaseFont sans, BaseFont bold, BaseFont mono) {
    }

    private static BaseFont embedded(String name, byte[] file) {
        try {
            // Identity-H: any Unicode character the font has; embedded as the subset of glyphs the badges use.
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, file, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A font file of the {@code openpdf-fonts-extra} jar: the Liberation fonts, under the SIL Open Font License 1.1,
     * which allows embedding them in documents and bundling them with software.
     */
    private static byte[] font(String resource) {
        try (InputStream in = BadgeRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
