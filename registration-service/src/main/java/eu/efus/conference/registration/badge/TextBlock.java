package eu.efus.conference.registration.badge;

import com.lowagie.text.pdf.BaseFont;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A text laid out for a width: the largest size up to {@code max} at which it fits on one line, or, when even
 * {@code min} is too large, the text wrapped at {@code min} over as many lines as it needs. Nothing is ever cut or
 * replaced by an ellipsis: a badge that shows half a name is wrong at the door.
 *
 * @param lines the lines, in order
 * @param size  the font size of every line, in points
 */
record TextBlock(List<String> lines, float size) {

    /** Line height as a multiple of the font size. */
    static final float LEADING = 1.18f;

    static TextBlock fit(BaseFont font, String text, float width, float max, float min) {
        return at(font, text, width, sizeToFit(font, text, width, max, min));
    }

    /** The text at {@code size}: one line if it fits the width, else wrapped. */
    static TextBlock at(BaseFont font, String text, float width, float size) {
        String clean = clean(text);
        if (font.getWidthPoint(clean, size) <= width) {
            return new TextBlock(List.of(clean), size);
        }
        return new TextBlock(wrap(font, clean, size, width), size);
    }

    /** The size, between {@code min} and {@code max}, at which the text just fits on one line. */
    static float sizeToFit(BaseFont font, String text, float width, float max, float min) {
        float atOnePoint = font.getWidthPoint(clean(text), 1f);
        if (atOnePoint <= 0) {
            return max;
        }
        return Math.max(min, Math.min(max, width / atOnePoint));
    }

    float height() {
        return lines.size() * size * LEADING;
    }

    /**
     * One line of printable text in composed form: names typed on some systems arrive decomposed (a letter, then its
     * combining accent), which the PDF would draw as two glyphs without placing the accent over the letter.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    /** Greedy wrapping at spaces and after hyphens; a word wider than the line is split between characters. */
    private static List<String> wrap(BaseFont font, String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String piece : pieces(text)) {
            String candidate = line + piece;
            if (font.getWidthPoint(candidate.stripTrailing(), size) <= width) {
                line.append(piece);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            String rest = piece;
            while (font.getWidthPoint(rest.stripTrailing(), size) > width) {
                int fits = charactersThatFit(font, rest, size, width);
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return List.copyOf(lines);
    }

    /** The text cut into words, each keeping the space or hyphen that follows it (where a line may break). */
    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-' || c == '\u2010' || c == '/') {
                pieces.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    /** How many leading characters of {@code text} fit the width (at least one code point, so wrapping ends). */
    private static int charactersThatFit(BaseFont font, String text, float size, float width) {
        int end = text.offsetByCodePoints(0, 1);
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (font.getWidthPoint(text.substring(0, next), size) > width) {
                break;
            }
            end = next;
        }
        return end;
    }
}
