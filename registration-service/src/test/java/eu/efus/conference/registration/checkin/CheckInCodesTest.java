package eu.efus.conference.registration.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckInCodesTest {

    private static final String SECRET = "a-test-check-in-secret-of-at-least-32-bytes";
    private final CheckInCodes codes = new CheckInCodes(SECRET);

    @Test
    void aRegistrationHasOneStableCodeInGroupsOfFourAndItsKeyIsTheHashOfTheCode() {
        String code = codes.codeFor("r-7Qk2mX9pLs");
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(new CheckInCodes(SECRET).codeFor("r-7Qk2mX9pLs")).isEqualTo(code);
        assertThat(codes.keyFor("r-7Qk2mX9pLs")).isEqualTo(CheckInCodes.key(code.replace("-", "")))
                .matches("[0-9a-f]{64}");
        assertThat(codes.matches("r-7Qk2mX9pLs", code)).isTrue();
    }

    @Test
    void codesDifferPerRegistrationAndPerSecret() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(codes.codeFor("r-" + i));
        }
        assertThat(seen).hasSize(1000);
        CheckInCodes other = new CheckInCodes("another-check-in-secret-of-32-bytes-or-more");
        assertThat(other.codeFor("r-7Qk2mX9pLs")).isNotEqualTo(codes.codeFor("r-7Qk2mX9pLs"));
        assertThat(other.matches("r-7Qk2mX9pLs", codes.codeFor("r-7Qk2mX9pLs"))).isFalse();
    }

    @Test
    void aCodeIsReadWhateverItsCaseSpacingOrLookAlikeLetters() {
        String code = codes.codeFor("r-42");
        String plain = code.replace("-", "");
        assertThat(CheckInCodes.normalise(code)).isEqualTo(plain);
        assertThat(CheckInCodes.normalise(code.toLowerCase(Locale.ROOT))).isEqualTo(plain);
        assertThat(CheckInCodes.normalise(" " + plain.substring(0, 8) + "  " + plain.substring(8) + "\n")).isEqualTo(plain);
        assertThat(CheckInCodes.normalise("o0iI-lL11-2345-6789")).isEqualTo("0011111123456789");
        // A code holding 0 and 1 typed with O, I and L still matches.
        String typed = code.replace('0', 'O').replace('1', 'l').toLowerCase(Locale.ROOT);
        assertThat(codes.matches("r-42", typed)).isTrue();
    }

    @Test
    void anythingElseIsNotACode() {
        assertThat(CheckInCodes.normalise(null)).isNull();
        assertThat(CheckInCodes.normalise("")).isNull();
        assertThat(CheckInCodes.normalise("K3M9-Q2ZX-AB12-CD3")).as("15 characters").isNull();
        assertThat(CheckInCodes.normalise("K3M9-Q2ZX-AB12-CD345")).as("17 characters").isNull();
        assertThat(CheckInCodes.normalise("K3M9-Q2ZX-AB12-CD3U")).as("U is not in the alphabet").isNull();
        assertThat(CheckInCodes.normalise("K3M9-Q2ZX-AB12-CD3É")).as("nor are accented letters").isNull();
        assertThat(CheckInCodes.normalise("x".repeat(65))).isNull();
    }

    @Test
    void changingAnyOneCharacterOfACodeMakesItRefused() {
        String id = "r-7Qk2mX9pLs";
        String plain = codes.codeFor(id).replace("-", "");
        char[] alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
        for (int i = 0; i < plain.length(); i++) {
            for (char c : alphabet) {
                if (c == plain.charAt(i)) {
                    continue;
                }
                String changed = plain.substring(0, i) + c + plain.substring(i + 1);
                assertThat(codes.matches(id, changed)).as(changed).isFalse();
            }
        }
        assertThat(codes.matches(id, null)).isFalse();
        assertThat(codes.matches("r-7Qk2mX9pLt", plain)).as("another registration's code").isFalse();
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new CheckInCodes("x".repeat(31))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONFERENCE_CHECKIN_SECRET");
        assertThatThrownBy(() -> new CheckInCodes(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CheckInCodes("x".repeat(32)).codeFor("r-1")).hasSize(19);
    }
}
