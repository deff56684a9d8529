package eu.efus.conference.registration.checkin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The check-in code of a registration: what its emails print as text and as a QR code, and what the desk scans.
 *
 * <p>The code is signed: its 16 characters are the first 80 bits of an HMAC-SHA256, under the deployment's check-in
 * secret, of the registration id, written in Crockford's base32 (digits and capital letters without I, L, O, U) and
 * shown in groups of four ({@code K3M9-Q2ZX-AB12-CD34}). Nobody without the secret can make one, or guess one (2^80
 * values). It is not the manage token: a badge's code admits its holder at the door, and cannot cancel anything.
 *
 * <p>A registration is found from its code through {@link #key(String)}, the SHA-256 of the normalised code, stored
 * with the registration (a unique index): the store never holds a usable code, and the offline desk recognises codes
 * from the same hashes without ever holding the secret.
 */
public final class CheckInCodes {

    /** Length of a code without its separators. */
    public static final int LENGTH = 16;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final String CONTEXT = "conference-check-in:v1:";

    private final SecretKeySpec key;

    public CheckInCodes(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException(
                    "conference.checkin.secret (CONFERENCE_CHECKIN_SECRET) must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The code of a registration, grouped for reading: {@code XXXX-XXXX-XXXX-XXXX}. */
    public String codeFor(String registrationId) {
        String plain = sign(registrationId);
        return plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8, 12) + "-"
                + plain.substring(12);
    }

    /** The lookup key of a registration's code, as stored with it. */
    public String keyFor(String registrationId) {
        return key(sign(registrationId));
    }

    /** Whether {@code code} (as typed or scanned, any grouping or case) is the code of {@code registrationId}. */
    public boolean matches(String registrationId, String code) {
        String normalised = normalise(code);
        return normalised != null && MessageDigest.isEqual(sign(registrationId).getBytes(StandardCharsets.US_ASCII),
                normalised.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A code as typed or scanned, made canonical: separators (anything but letters and digits) dropped, capitals, and
     * the letters people mistake for digits read as those digits (O → 0, I and L → 1). {@code null} when what is left
     * is not 16 characters of the alphabet.
     */
    public static String normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (new String(ALPHABET).indexOf(read) < 0) {
                return null;
            }
            out.append(read);
        }
        return out.length() == LENGTH ? out.toString() : null;
    }

    /** The lookup key of a normalised code: its SHA-256 in lower-case hex. */
    public static String key(String normalisedCode) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalisedCode.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String registrationId) {
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            mac = hmac.doFinal((CONTEXT + registrationId).getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        // 80 bits, 5 at a time, most significant first.
        StringBuilder out = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            int bit = i * 5;
            int value = ((mac[bit / 8] & 0xff) << 8 | (mac[bit / 8 + 1] & 0xff)) >> (11 - bit % 8) & 0x1f;
            out.append(ALPHABET[value]);
        }
        return out.toString();
    }
}
