package eu.efus.conference.kit.identity;

import java.util.HexFormat;

/**
 * The fingerprint of a request body (SHA-256 of its record's text form): what an Idempotency-Key is stored with, so
 * the same key sent again with another body can be told apart from a true repeat.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(Object request) {
        return HexFormat.of().formatHex(ManageToken.sha256(String.valueOf(request)));
    }
}
