package eu.efus.conference.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The two bundles say the same things, and nothing a page shows can be a missing key: the English and French files
 * have the same keys, every {@code #{key}} of the templates exists, and every key a page's scripts ask for by name
 * ({@code t('key')}, {@code has('key')}, {@code showMessage('key')}, {@code {key: 'key'}}, a {@code label('table', …)}
 * table or a {@code t('prefix.' + value)} family) is among the texts that page carries. A missing text shows as its
 * key, which no other test would notice.
 */
class PageTextsCompletenessTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)}");
    private static final Pattern PAGE_SCRIPT = Pattern.compile("<script src=\"/js/([a-z-]+\\.js)\"");
    private static final Pattern SCRIPT_KEY = Pattern.compile(
            "(?:\\bt|\\bhas|showMessage|\\bkey:)\\(?\\s*'([A-Za-z][A-Za-z0-9_.]*)'\\s*([,)}+])");
    private static final Pattern SCRIPT_TABLE = Pattern.compile("\\blabel\\(\\s*'([A-Za-z][A-Za-z0-9_]*)'");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*[\\s\\S]*?\\*/");
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");

    private final Set<String> english = keys("web/messages.properties");
    private final Set<String> french = keys("web/messages_fr.properties");

    @Test
    void englishAndFrenchHaveTheSameKeys() {
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(french);
        Set<String> onlyFrench = new TreeSet<>(french);
        onlyFrench.removeAll(english);
        assertThat(onlyEnglish).as("keys missing from messages_fr.properties").isEmpty();
        assertThat(onlyFrench).as("keys missing from messages.properties").isEmpty();
        assertThat(english).hasSizeGreaterThan(100);
    }

    @Test
    void everyKeyOfTheTemplatesExistsInBothLanguages() throws IOException {
        Map<String, String> templates = templates();
        assertThat(templates).containsKeys("layout", "index", "event", "press", "staff/organizer");
        List<String> missing = new ArrayList<>();
        int used = 0;
        for (Map.Entry<String, String> template : templates.entrySet()) {
            Matcher key = TEMPLATE_KEY.matcher(template.getValue());
            while (key.find()) {
                used++;
                if (!english.contains(key.group(1)) || !french.contains(key.group(1))) {
                    missing.add(template.getKey() + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).as("#{…} keys of the templates without a text").isEmpty();
        assertThat(used).isGreaterThan(200);
    }

    @Test
    void everyKeyAPageScriptAsksForByNameIsAmongTheTextsOfItsPage() throws IOException {
        // Which pages load each script, and the namespaces of their texts (WebPages: "common" and the page's name;
        // StaffWebPages: "staff" and "staff" + the page's name).
        Map<String, List<List<String>>> pagesOfScript = new LinkedHashMap<>();
        for (Map.Entry<String, String> template : templates().entrySet()) {
            if (template.getKey().equals("layout")) {
                continue;
            }
            List<String> namespaces = namespaces(template.getKey());
            for (String namespace : namespaces) {
                assertThat(english).as("texts of namespace " + namespace).anyMatch(key -> key.startsWith(namespace + "."));
            }
            List<String> scripts = new ArrayList<>(List.of("site.js"));
            Matcher script = PAGE_SCRIPT.matcher(template.getValue());
            while (script.find()) {
                scripts.add(script.group(1));
            }
            scripts.forEach(name -> pagesOfScript.computeIfAbsent(name, n -> new ArrayList<>()).add(namespaces));
        }
        assertThat(pagesOfScript).containsKeys("press.js", "staff-press.js", "staff-organizer.js", "forms.js");

        List<String> missing = new ArrayList<>();
        int asked = 0;
        for (Map.Entry<String, List<List<String>>> entry : pagesOfScript.entrySet()) {
            String code = code(entry.getKey());
            List<List<String>> pages = entry.getValue();
            Matcher key = SCRIPT_KEY.matcher(code);
            while (key.find()) {
                asked++;
                boolean family = key.group(2).equals("+");
                String name = key.group(1);
                // A shared script may ask some pages only for their own texts (it checks with has()): one page suffices.
                boolean found = pages.stream().anyMatch(namespaces -> namespaces.stream().anyMatch(namespace -> family
                        ? english.stream().anyMatch(k -> k.startsWith(namespace + "." + name))
                        : english.contains(namespace + "." + name)));
                if (!found) {
                    missing.add(entry.getKey() + ": " + name + (family ? "…" : ""));
                }
            }
            Matcher table = SCRIPT_TABLE.matcher(code);
            while (table.find()) {
                asked++;
                String name = table.group(1);
                if (pages.stream().noneMatch(namespaces -> namespaces.stream()
                        .anyMatch(namespace -> english.stream().anyMatch(k -> k.startsWith(namespace + "." + name + "."))))) {
                    missing.add(entry.getKey() + ": label table " + name);
                }
            }
        }
        assertThat(missing).as("keys the scripts ask for that their pages do not carry").isEmpty();
        assertThat(asked).isGreaterThan(150);
    }

    @Test
    void theCheckFindsAKeyThatNoPageCarries() {
        // The scanner itself: it sees the forms a script uses to ask for a text.
        Matcher key = SCRIPT_KEY.matcher("page.t('quotaLimited', {n: 1}); page.showMessage('loaded'); x = { key: 'err.title' };"
                + " page.t('status.' + s); t('done')");
        List<String> found = new ArrayList<>();
        while (key.find()) {
            found.add(key.group(1) + key.group(2));
        }
        assertThat(found).containsExactly("quotaLimited,", "loaded)", "err.title}", "status.+", "done)");
        assertThat(english).doesNotContain("staffPress.noSuchText");
    }

    private static List<String> namespaces(String template) {
        if (template.startsWith("staff/")) {
            String page = template.substring("staff/".length());
            return List.of("staff", "staff" + Character.toUpperCase(page.charAt(0)) + page.substring(1));
        }
        return List.of("common", template);
    }

    /** The templates by name ("press", "staff/press"). */
    private static Map<String, String> templates() throws IOException {
        Map<String, String> templates = new LinkedHashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html")) {
            String url = resource.getURL().toString();
            String name = url.substring(url.lastIndexOf("/templates/") + "/templates/".length(), url.length() - ".html".length());
            templates.put(name, resource.getContentAsString(StandardCharsets.UTF_8));
        }
        return templates;
    }

    /** A script without its comments (which quote keys as examples). */
    private static String code(String script) {
        try {
            String source = new ClassPathResource("static/js/" + script).getContentAsString(StandardCharsets.UTF_8);
            return LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(source).replaceAll("")).replaceAll("");
        }
        catch (IOException e) {
            throw new AssertionError("a page loads /js/" + script + ", which does not exist", e);
        }
    }

    private static Set<String> keys(String location) {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new AssertionError(location, e);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
