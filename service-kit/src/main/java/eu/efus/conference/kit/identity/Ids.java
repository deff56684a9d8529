package eu.efus.conference.kit.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque, random, non-sequential identifiers (128 bits). */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
