package eu.efus.conference.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The visitor's language, the same on public and staff pages: an explicit choice kept in the {@code lang} cookie,
 * else the best of French and English in {@code Accept-Language}, else English. Registered as the WebFlux
 * {@code localeContextResolver}, so templates ({@code #{…}}, {@code #locale}) follow it from the first response.
 */
public class Languages implements LocaleContextResolver {

    /** The cookie that keeps an explicit choice made with the language switch. */
    public static final String COOKIE = "lang";

    /** The languages of the site, the first one being the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final Duration REMEMBERED_FOR = Duration.ofDays(365);

    private final boolean secureCookie;

    public Languages(boolean secureCookie) {
        this.secureCookie = secureCookie;
    }

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        return new SimpleLocaleContext(resolve(exchange));
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        Locale locale = localeContext != null ? supported(localeContext.getLocale() == null ? null
                : localeContext.getLocale().getLanguage()) : null;
        exchange.getResponse().addCookie(cookie(locale != null ? locale.getLanguage() : null));
    }

    /** The cookie that remembers {@code language} ("fr", "en"), or that forgets the choice when null. */
    public ResponseCookie cookie(String language) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(COOKIE, language == null ? "" : language)
                .path("/")
                .httpOnly(true)
                .sameSite("Lax")
                .maxAge(language == null ? Duration.ZERO : REMEMBERED_FOR);
        if (secureCookie) {
            cookie.secure(true);
        }
        return cookie.build();
    }

    static Locale resolve(ServerWebExchange exchange) {
        HttpCookie chosen = exchange.getRequest().getCookies().getFirst(COOKIE);
        Locale fromCookie = chosen != null ? supported(chosen.getValue()) : null;
        if (fromCookie != null) {
            return fromCookie;
        }
        Locale fromHeader = fromAcceptLanguage(exchange.getRequest().getHeaders().getFirst("Accept-Language"));
        return fromHeader != null ? fromHeader : SUPPORTED.get(0);
    }

    /** The supported language the header prefers most (by quality, then order), or null. */
    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        }
        catch (IllegalArgumentException malformed) {
            return null;
        }
        // parse() sorts by quality and expands "fr-BE" ranges; the first range naming one of ours decides.
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String tag = range.getRange();
            Locale found = supported(tag.length() >= 2 ? tag.substring(0, 2) : tag);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** {@code Locale.FRENCH} for "fr", {@code Locale.ENGLISH} for "en", null otherwise. */
    public static Locale supported(String language) {
        if (language == null) {
            return null;
        }
        for (Locale locale : SUPPORTED) {
            if (locale.getLanguage().equalsIgnoreCase(language.trim())) {
                return locale;
            }
        }
        return null;
    }
}
