package eu.efus.conference.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.http.HttpCookie;

class LanguagesTest {

    private static Locale resolve(String acceptLanguage, String cookie) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        if (cookie != null) {
            request.cookie(new HttpCookie(Languages.COOKIE, cookie));
        }
        return new Languages(false).resolveLocaleContext(MockServerWebExchange.from(request.build())).getLocale();
    }

    @Test
    void theCookieWinsThenTheBestOfFrenchAndEnglishThenEnglish() {
        assertThat(resolve("fr", "en")).isEqualTo(Locale.ENGLISH);
        assertThat(resolve("en", "fr")).isEqualTo(Locale.FRENCH);
        assertThat(resolve("de-DE,fr-CH;q=0.8,en;q=0.5", null)).isEqualTo(Locale.FRENCH);
        assertThat(resolve("en;q=0.4,fr;q=0.6", null)).isEqualTo(Locale.FRENCH);
        assertThat(resolve("de, it", null)).isEqualTo(Locale.ENGLISH);
        assertThat(resolve("not a header;;;q=x", null)).isEqualTo(Locale.ENGLISH);
        assertThat(resolve(null, "xx")).isEqualTo(Locale.ENGLISH);
        assertThat(resolve("fr;q=0, en", null)).isEqualTo(Locale.ENGLISH);
    }
}
