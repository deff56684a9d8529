package eu.efus.conference.registration.badge;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words a badge prints besides the person's own data, in the event's first language (French or English, the
 * languages of the conference; English for any other): category names from {@code badge/labels*.properties}, and
 * country names from the JDK's locale data, as the web pages name them (the web module's {@code ReferenceLists}).
 */
public final class BadgeLabels {

    private static final List<String> LANGUAGES = List.of("en", "fr");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle texts;

    private BadgeLabels(String language) {
        this.locale = Locale.forLanguageTag(language);
        // English is the base bundle: without the no-fallback control, the JVM's default locale would be tried first.
        this.texts = ResourceBundle.getBundle("badge.labels", locale, BadgeLabels.class.getClassLoader(), NO_FALLBACK);
    }

    /** The labels of the events whose languages are {@code languages}: the first one, if the badges speak it. */
    public static BadgeLabels forEvent(List<String> languages) {
        String first = languages == null || languages.isEmpty() ? "en" : languages.get(0);
        return new BadgeLabels(LANGUAGES.contains(first) ? first : "en");
    }

    /** The badge's language ({@code fr} or {@code en}), for the event's title. */
    public String language() {
        return locale.getLanguage();
    }

    /** The name of an ISO 3166-1 alpha-2 country code; the code itself when the JDK has no name for it. */
    @SuppressWarnings("deprecation") // Locale.of arrives in Java 19; the service runs on 17.
    public String country(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    /** The printed name of a category; the stored value itself for one the labels do not know. */
    public String category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return texts.getString("category." + category);
        } catch (MissingResourceException e) {
            return category;
        }
    }

    /** The word of the press band. */
    public String pressMark() {
        return texts.getString("press");
    }
}
