package eu.efus.conference.registration.badge;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.BaseFont;
import java.io.InputStream;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextBlockTest {

    private static final BaseFont BOLD = font();
    private static final float WIDTH = 200f;

    @Test
    void aShortTextGetsTheLargestSize() {
        TextBlock block = TextBlock.fit(BOLD, "Ana", WIDTH, 30f, 15f);
        assertThat(block.lines()).containsExactly("Ana");
        assertThat(block.size()).isEqualTo(30f);
        assertThat(block.height()).isEqualTo(30f * TextBlock.LEADING);
    }

    @Test
    void aLongerTextShrinksToJustFitOneLine() {
        String name = "Çelik-Nováková Ödön";
        TextBlock block = TextBlock.fit(BOLD, name, WIDTH, 30f, 10f);
        assertThat(block.lines()).containsExactly(name);
        assertThat(block.size()).isLessThan(30f).isGreaterThan(10f);
        assertThat(BOLD.getWidthPoint(name, block.size())).isCloseTo(WIDTH, org.assertj.core.data.Offset.offset(0.5f));
    }

    @Test
    void whatDoesNotFitAtTheSmallestSizeIsWrappedWithoutLosingACharacter() {
        String name = "Wielopolska-Brzęczyszczykiewicz de Saint-Ouen y Fernández de Córdoba";
        TextBlock block = TextBlock.fit(BOLD, name, WIDTH, 30f, 15f);
        assertThat(block.size()).isEqualTo(15f);
        assertThat(block.lines()).hasSizeGreaterThan(1);
        for (String line : block.lines()) {
            assertThat(BOLD.getWidthPoint(line, block.size())).as(line).isLessThanOrEqualTo(WIDTH);
        }
        assertThat(String.join("", block.lines()).replace(" ", "")).isEqualTo(name.replace(" ", ""));
        assertThat(block.lines().get(0)).as("broken after a hyphen").endsWith("-");
    }

    @Test
    void aWordWiderThanTheLineIsSplitBetweenLetters() {
        String word = "Konstantynopolitańczykowianeczkakonstantynopolitańczykowianeczka";
        TextBlock block = TextBlock.at(BOLD, word, WIDTH, 20f);
        assertThat(block.lines()).hasSizeGreaterThan(1);
        assertThat(String.join("", block.lines())).isEqualTo(word);
        block.lines().forEach(l -> assertThat(BOLD.getWidthPoint(l, 20f)).isLessThanOrEqualTo(WIDTH));
    }

    @Test
    void textIsComposedAndOnOneLine() {
        assertThat(TextBlock.clean(Normalizer.normalize("Őry\tŢuţu\n Ana ", Normalizer.Form.NFD))).isEqualTo("Őry Ţuţu Ana");
        assertThat(TextBlock.clean(null)).isEmpty();
    }

    private static BaseFont font() {
        try (InputStream in = TextBlockTest.class.getClassLoader().getResourceAsStream("liberation/LiberationSans-Bold.ttf")) {
            return BaseFont.createFont("LiberationSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    in.readAllBytes(), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
