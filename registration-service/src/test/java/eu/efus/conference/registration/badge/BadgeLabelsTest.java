package eu.efus.conference.registration.badge;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.registration.registration.Category;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BadgeLabelsTest {

    @Test
    void theEventsFirstLanguageNamesCountriesAndCategories() {
        BadgeLabels french = BadgeLabels.forEvent(List.of("fr", "en"));
        assertThat(french.language()).isEqualTo("fr");
        assertThat(french.country("DE")).isEqualTo("Allemagne");
        assertThat(french.category("LOCAL_AUTHORITY")).isEqualTo("Agent·e d’une collectivité territoriale");
        assertThat(french.pressMark()).isEqualTo("PRESSE");

        BadgeLabels english = BadgeLabels.forEvent(List.of("en", "fr"));
        assertThat(english.country("DE")).isEqualTo("Germany");
        assertThat(english.category("LOCAL_AUTHORITY")).isEqualTo("Local or regional authority staff");
        assertThat(english.pressMark()).isEqualTo("PRESS");
    }

    @Test
    void anyOtherLanguageIsEnglishWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRENCH);
            for (List<String> languages : List.of(List.of("de"), List.<String>of(), List.of("en"))) {
                BadgeLabels labels = BadgeLabels.forEvent(languages);
                assertThat(labels.language()).as(languages.toString()).isEqualTo("en");
                assertThat(labels.category("OTHER")).as(languages.toString()).isEqualTo("Other");
                assertThat(labels.country("ES")).as(languages.toString()).isEqualTo("Spain");
            }
            assertThat(BadgeLabels.forEvent(null).language()).isEqualTo("en");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyCategoryHasANameInBothLanguages() {
        for (String language : List.of("fr", "en")) {
            BadgeLabels labels = BadgeLabels.forEvent(List.of(language));
            for (Category category : Category.values()) {
                assertThat(labels.category(category.name())).as(language + " " + category)
                        .isNotBlank().isNotEqualTo(category.name());
            }
        }
    }

    @Test
    void unknownValuesArePrintedAsStoredAndMissingOnesNotAtAll() {
        BadgeLabels labels = BadgeLabels.forEvent(List.of("fr"));
        assertThat(labels.category("ASTRONAUT")).isEqualTo("ASTRONAUT");
        assertThat(labels.country("XK")).isNotBlank();
        assertThat(labels.country(null)).isNull();
        assertThat(labels.category(" ")).isNull();
    }
}
