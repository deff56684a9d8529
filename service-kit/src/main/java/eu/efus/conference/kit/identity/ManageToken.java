package eu.efus.conference.kit.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A private link secret (a participant's manage link, a journalist's accreditation link): 256 random bits, given only
 * by email, stored only as a SHA-256 hash and compared in constant time. A hash without salt is enough here because the token itself is random and long.
 */
public final class ManageToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ManageToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** Whether {@code presented} is the token whose hash is stored; constant time in the hash comparison. */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null || presented.length() > 200) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(storedHash);
        return MessageDigest.isEqual(sha256(presented), expected);
    }

    /** Whether {@code presented} is one of the tokens whose hashes are stored (every emailed link stays valid). */
    public static boolean matchesAny(String presented, java.util.List<String> storedHashes) {
        return storedHashes != null && storedHashes.stream().anyMatch(hash -> matches(presented, hash));
    }

    /** The private link of a page: the token rides in the fragment, which browsers never send to the server. */
    public static String link(String publicBaseUrl, String page, String id, String token) {
        return publicBaseUrl + "/" + page + "#id=" + id + "&token=" + token;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
