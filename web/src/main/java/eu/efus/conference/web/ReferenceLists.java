package eu.efus.conference.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The fixed lists the forms offer, written by the server in the page's language so that no script keeps a copy:
 * the values are those the services accept (API.md), the labels come from the page texts.
 */
public class ReferenceLists {

    /** A value a form may send and what people read. */
    public record Option(String value, String label) {
    }

    /** Registration categories ({@code PRESS} is not one: journalists request an accreditation). */
    public static final List<String> CATEGORIES = List.of("ELECTED_OFFICIAL", "LOCAL_AUTHORITY", "POLICE", "JUSTICE",
            "SOCIAL_WORKER", "RESEARCHER", "EUROPEAN_INSTITUTION", "INTERNATIONAL_ORGANISATION", "PRIVATE_SECTOR",
            "CIVIL_SOCIETY", "SPEAKER", "OTHER");
    /** What an attendee's category may be: a registration's, or {@code PRESS} for an accredited journalist. */
    public static final List<String> ATTENDEE_CATEGORIES = java.util.stream.Stream.concat(CATEGORIES.stream(),
            java.util.stream.Stream.of("PRESS")).toList();
    public static final List<String> MEDIA_TYPES = List.of("PRINT", "ONLINE", "RADIO", "TV", "PHOTO", "AGENCY", "FREELANCE");
    public static final List<String> SESSION_KINDS = List.of("PLENARY", "WORKSHOP", "FIELD_VISIT", "WEBINAR");
    public static final List<String> EVENT_KINDS = List.of("CONFERENCE", "WEBCONFERENCE");

    private final PageTexts texts;

    public ReferenceLists(PageTexts texts) {
        this.texts = texts;
    }

    public List<Option> categories(Locale locale) {
        return labelled(locale, CATEGORIES, "common.categories.");
    }

    /**
     * The categories an attendee may hold, as the staff pages name them: the form's, then {@code PRESS} (an approved
     * journalist), all from the same labels as the form.
     */
    public List<Option> attendeeCategories(Locale locale) {
        return labelled(locale, ATTENDEE_CATEGORIES, "common.categories.");
    }

    public List<Option> mediaTypes(Locale locale) {
        return labelled(locale, MEDIA_TYPES, "common.mediaTypes.");
    }

    public List<Option> sessionKinds(Locale locale) {
        return labelled(locale, SESSION_KINDS, "common.sessionKinds.");
    }

    public List<Option> eventKinds(Locale locale) {
        return labelled(locale, EVENT_KINDS, "common.eventKinds.");
    }

    /**
     * The ISO 3166-1 alpha-2 codes of {@link Locale#getISOCountries()} (what the services check against), named in
     * the page's language and sorted by that name.
     */
    public List<Option> countries(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Option(code, countryName(code, locale)))
                .sorted(Comparator.comparing(Option::label, collator))
                .toList();
    }

    public static String countryName(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    private List<Option> labelled(Locale locale, List<String> values, String prefix) {
        return values.stream().map(value -> new Option(value, texts.text(locale, prefix + value))).toList();
    }
}
