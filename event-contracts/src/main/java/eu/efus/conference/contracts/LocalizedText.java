package eu.efus.conference.contracts;

/** A text in the conference's two languages. */
public record LocalizedText(String fr, String en) {

    /** The text in {@code language}, falling back to the other one when missing. */
    public String in(String language) {
        if ("fr".equals(language)) {
            return fr != null && !fr.isBlank() ? fr : en;
        }
        return en != null && !en.isBlank() ? en : fr;
    }
}
