package eu.efus.conference.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;

/**
 * The FR/EN texts of the pages ({@code web/messages.properties}, English, and {@code web/messages_fr.properties}),
 * read once. The same texts serve the templates (through the message source) and the scripts: each page embeds the
 * texts of its namespaces as a JSON data block ({@code <script type="application/json" id="page-texts">}) that
 * {@code site.js} reads; keys lose their namespace there ({@code event.heading} → {@code heading}), later
 * namespaces winning. Texts keep their {@code {name}} placeholders, filled by {@code t(key, vars)} in the page
 * and by {@link #text(Locale, String, Map)} here.
 */
public class PageTexts {

    public static final String BASENAME = "web/messages";

    private final Map<String, String> english;
    private final Map<String, String> french;
    private final Map<String, String> json = new ConcurrentHashMap<>();

    public PageTexts() {
        english = load(BASENAME + ".properties", Map.of());
        french = load(BASENAME + "_fr.properties", english);
    }

    private static Map<String, String> load(String location, Map<String, String> base) {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException("The page texts are missing: " + location, e);
        }
        Map<String, String> texts = new TreeMap<>(base);
        properties.forEach((key, value) -> texts.put((String) key, (String) value));
        return Map.copyOf(texts);
    }

    private Map<String, String> of(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? french : english;
    }

    /** The raw text of {@code key} (placeholders left as they are); the key itself when missing. */
    public String text(Locale locale, String key) {
        return of(locale).getOrDefault(key, key);
    }

    /** The text of {@code key} with its {@code {name}} placeholders filled. */
    public String text(Locale locale, String key, Map<String, ?> vars) {
        String text = text(locale, key);
        for (Map.Entry<String, ?> entry : vars.entrySet()) {
            text = text.replace("{" + entry.getKey() + "}", String.valueOf(entry.getValue()));
        }
        return text;
    }

    public boolean has(Locale locale, String key) {
        return of(locale).containsKey(key);
    }

    /** The JSON object of the namespaces' texts, safe inside a {@code <script>} element ({@code <} escaped). */
    public String json(Locale locale, List<String> namespaces) {
        String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";
        return json.computeIfAbsent(language + ":" + String.join(",", namespaces), key -> {
            Map<String, String> chosen = new TreeMap<>();
            for (String namespace : namespaces) {
                String prefix = namespace + ".";
                of(locale).forEach((name, value) -> {
                    if (name.startsWith(prefix)) {
                        chosen.put(name.substring(prefix.length()), value);
                    }
                });
            }
            return Json.object(chosen);
        });
    }
}
