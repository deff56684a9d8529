package eu.efus.conference.registration.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.BaseFont;
import eu.efus.conference.registration.checkin.CheckInCodes;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class BadgeRendererTest {

    private static final CheckInCodes CODES = new CheckInCodes("a-test-check-in-secret-of-at-least-32-bytes");
    private static final String EVENT = "Sécurité, Démocratie & Villes — Conférence internationale";
    private static final BadgeRenderer RENDERER = new BadgeRenderer();

    private static Badge badge(String id, String first, String last, String organisation, String country, String category) {
        return new Badge(first, last, organisation, country, category, null, EVENT, CODES.codeFor(id));
    }

    private static final Badge POLISH = badge("r-1", "Łukasz Ödön", "Çelik-Nováková", "Primăria Municipiului Târgu Mureș",
            "Roumanie", "Agent·e d’une collectivité territoriale");
    private static final Badge GREEK = badge("r-2", "Γιώργος", "Παπαδόπουλος", "Δήμος Θεσσαλονίκης", "Grèce", "Élu·e");
    private static final Badge CYRILLIC = badge("r-3", "Олена", "Шевченко", "Київська міська рада", "Ukraine", "Police");
    private static final Badge JOURNALIST = new Badge("Sinéad", "Ó Súilleabháin", "Irish Examiner", "Irlande", "Presse",
            "PRESSE", EVENT, CODES.codeFor("r-4"));

    @Test
    void oneA6PagePerBadgeWithTheNamesInEveryEuropeanAlphabet() throws Exception {
        try (BadgePdf pdf = new BadgePdf(RENDERER.render(List.of(POLISH, GREEK, CYRILLIC, JOURNALIST)))) {
            assertThat(pdf.pages()).isEqualTo(4);
            assertThat(pdf.size(0)[0]).isCloseTo(297.6f, org.assertj.core.data.Offset.offset(1f));
            assertThat(pdf.size(0)[1]).isCloseTo(419.5f, org.assertj.core.data.Offset.offset(1f));

            assertThat(pdf.text(0)).contains("Łukasz Ödön", "Çelik-Nováková", "Primăria Municipiului Târgu Mureș",
                    "Roumanie", "Agent·e d’une collectivité territoriale", EVENT, CODES.codeFor("r-1"));
            assertThat(pdf.text(1)).contains("Γιώργος", "Παπαδόπουλος", "Δήμος Θεσσαλονίκης", "Grèce", "Élu·e",
                    CODES.codeFor("r-2"));
            assertThat(pdf.text(2)).contains("Олена", "Шевченко", "Київська міська рада", "Ukraine", "Police",
                    CODES.codeFor("r-3"));
            assertThat(pdf.text(3)).contains("Sinéad", "Ó Súilleabháin", "Irish Examiner", CODES.codeFor("r-4"));
        }
    }

    @Test
    void onlyTheJournalistsBadgeHasThePressBand() throws Exception {
        try (BadgePdf pdf = new BadgePdf(RENDERER.render(List.of(POLISH, JOURNALIST, GREEK)))) {
            assertThat(pdf.text(1)).contains("PRESS");
            assertThat(pdf.text(0)).doesNotContain("PRESS");
            assertThat(pdf.text(2)).doesNotContain("PRESS");
            assertThat(pdf.text(1)).as("the band replaces the category line").doesNotContain("Presse");
        }
    }

    @Test
    void theQrCodeOfEveryBadgeReadsAsItsCheckInCode() throws Exception {
        List<Badge> badges = List.of(POLISH, GREEK, CYRILLIC, JOURNALIST);
        try (BadgePdf pdf = new BadgePdf(RENDERER.render(badges))) {
            for (int i = 0; i < badges.size(); i++) {
                String read = pdf.qrCode(i);
                assertThat(read).isEqualTo(badges.get(i).checkInCode());
                assertThat(CODES.matches("r-" + (i + 1), read)).isTrue();
            }
        }
    }

    @Test
    void theFontsAreEmbeddedAsSubsets() throws Exception {
        try (BadgePdf pdf = new BadgePdf(RENDERER.render(List.of(POLISH)))) {
            List<PDFont> fonts = pdf.fonts(0);
            assertThat(fonts).isNotEmpty();
            for (PDFont font : fonts) {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).as("a subset is named XXXXXX+Font").matches("[A-Z]{6}\\+.*");
            }
        }
    }

    @Test
    void theFontHasEveryLetterOfTheEuropeanAlphabets() throws Exception {
        String letters = "ŁłŐőŰűÇçȘșȚțĂăÂâÎîĄąĘęŚśŹźŻżŃńĆćČčŠšŽžĐđŘřŮůĚěŤťĎďŇňĽľĹĺŔŕÆæØøÅåßÞþÐðĞğİıŞşẞÑñŒœŸÿ"
                + "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ"
                + "АБВГҐДЕЁЄЖЗИІЇЙКЛМНОПРСТУЎФХЦЧШЩЪЫЬЭЮЯабвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюяЂђЈјЉљЊњЋћЏџЅѕЌќЃѓ"
                + "·’—–«»€";
        for (String file : List.of("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf")) {
            byte[] bytes;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                bytes = in.readAllBytes();
            }
            BaseFont font = BaseFont.createFont(file.substring(file.indexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, false, bytes, null);
            letters.codePoints().forEach(c -> assertThat(font.charExists(c))
                    .as(file + " has " + Character.toString(c) + " U+" + Integer.toHexString(c)).isTrue());
        }
    }

    @Test
    void aLongNameIsPrintedSmallerThanAShortOneAndNeverLosesALetter() throws Exception {
        String first = "Maria-Magdalena Anna Zofia Józefina Łucja";
        String last = "Wielopolska-Brzęczyszczykiewicz-Szczebrzeszyńska-Konstantynopolitańczykowianeczka de Saint-Ouen";
        String organisation = "Urząd Marszałkowski Województwa Zachodniopomorskiego, Departament Bezpieczeństwa i "
                + "Zarządzania Kryzysowego, Wydział Współpracy Międzynarodowej i Programów Europejskich w Szczecinie";
        Badge longest = badge("r-5", longest(first, 100), longest(last, 100), longest(organisation, 200),
                "Pologne", "Agent·e d’une collectivité territoriale");
        Badge shortest = badge("r-6", "Ana", "Li", "EFUS", "France", "Autre");
        try (BadgePdf pdf = new BadgePdf(RENDERER.render(List.of(longest, shortest)))) {
            String printed = squeeze(pdf.text(0));
            assertThat(printed).contains(squeeze(longest.firstName()), squeeze(longest.lastName()),
                    squeeze(longest.organisation()), "Pologne");
            float pageWidth = pdf.size(0)[0];
            for (TextPosition glyph : pdf.positions(0)) {
                assertThat(glyph.getX()).as("'" + glyph.getUnicode() + "' starts on the page").isGreaterThanOrEqualTo(0);
                assertThat(glyph.getX() + glyph.getWidth()).as("'" + glyph.getUnicode() + "' ends on the page")
                        .isLessThanOrEqualTo(pageWidth);
            }
            assertThat(pdf.qrCode(0)).as("the text leaves the QR code readable").isEqualTo(longest.checkInCode());

            float longSize = sizeOf(pdf.positions(0), "W");
            float shortSize = sizeOf(pdf.positions(1), "L");
            assertThat(shortSize).as("a short name is printed large").isGreaterThanOrEqualTo(28f);
            assertThat(longSize).isLessThan(shortSize / 2);
        }
    }

    @Test
    void accentsTypedAsSeparateMarksArePrintedAsOneLetter() throws Exception {
        String decomposed = Normalizer.normalize("Ödön", Normalizer.Form.NFD);
        assertThat(decomposed).hasSize(6);
        try (BadgePdf pdf = new BadgePdf(RENDERER.render(List.of(badge("r-7", decomposed, "Nagy", null, null, null))))) {
            assertThat(pdf.text(0)).contains("Ödön", "Nagy");
        }
    }

    @Test
    void pagesLeaveForTheStreamWhileLaterBadgesAreStillToCome() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] writtenAtHalfway = {-1};
        Iterator<Badge> badges = IntStream.range(0, 200).mapToObj(i -> {
            if (i == 100) {
                writtenAtHalfway[0] = out.size();
            }
            return badge("r-" + i, "Person", "Number " + i, "Ville de Lyon", "France", "Autre");
        }).iterator();
        RENDERER.write(badges, out);
        assertThat(writtenAtHalfway[0]).as("bytes written when the 101st badge was asked for")
                .isGreaterThan(out.size() / 4);
    }

    @Test
    void eightHundredBadgesMakeOneSmallFile() throws Exception {
        List<Badge> badges = IntStream.range(0, 800).mapToObj(i -> i % 40 == 0
                ? new Badge("Journalist", "Number " + i, "Le Soir", "Belgique", "Presse", "PRESSE", EVENT, CODES.codeFor("p-" + i))
                : badge("r-" + i, "Participant", "Númerø " + i, "Ville de Lyon", "France", "Autre")).toList();
        byte[] pdf = RENDERER.render(badges);
        assertThat(pdf.length).as("vector QR codes and font subsets: a few KB a badge").isLessThan(4 * 1024 * 1024);
        try (BadgePdf read = new BadgePdf(pdf)) {
            assertThat(read.pages()).isEqualTo(800);
            assertThat(read.text(799)).contains("Númerø 799");
        }
    }

    @Test
    void aPdfNeedsABadge() {
        assertThatThrownBy(() -> RENDERER.render(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RENDERER.write(Collections.emptyIterator(), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static float sizeOf(List<TextPosition> glyphs, String letter) {
        return glyphs.stream().filter(g -> g.getUnicode().equals(letter)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + letter + " printed")).getFontSizeInPt();
    }

    /** {@code text} repeated up to {@code length} characters: the longest a registration accepts. */
    private static String longest(String text, int length) {
        return (text + " ").repeat(length / text.length() + 1).substring(0, length).strip();
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
