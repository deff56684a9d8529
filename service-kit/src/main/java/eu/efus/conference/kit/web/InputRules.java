package eu.efus.conference.kit.web;

/** Patterns for what the public may type, shared by every form of every service. */
public final class InputRules {

    /** Names and one-line fields: no control character at all, so no header injection through an email. */
    public static final String NO_CONTROL = "^[^\\p{Cntrl}]*$";
    /** Free text may have line breaks, nothing else below 0x20. */
    public static final String FREE_TEXT = "^[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";
    /** A pragmatic address check: one @, a dotted domain, no spaces, quotes, angle brackets or control characters. */
    public static final String EMAIL = "^[^\\s\"<>()\\[\\]\\\\,;:@\\p{Cntrl}]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$";
    public static final String CONTROL_MESSAGE = "must not contain line breaks or control characters";
    public static final String FREE_TEXT_MESSAGE = "must not contain control characters";

    private InputRules() {
    }
}
