package eu.efus.conference.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every French mail template has its English twin and the reverse, and both bundles say the same things. */
class TemplateTwinsTest {

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    private Set<String> files(String language) throws IOException {
        return Arrays.stream(resources.getResources("classpath*:templates/mail/" + language + "/*"))
                .map(Resource::getFilename).filter(Objects::nonNull)
                .filter(name -> name.endsWith(".html") || name.endsWith(".txt"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/mail_" + language + ".properties")) {
            assertThat(in).as("bundle mail_%s.properties", language).isNotNull();
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyTemplateExistsInFrenchAndEnglishAsHtmlAndText() throws IOException {
        Set<String> fr = files("fr");
        Set<String> en = files("en");
        assertThat(fr).as("French templates without an English twin").isEqualTo(en);
        for (MailTemplate template : MailTemplate.values()) {
            assertThat(fr).as("template %s", template.id()).contains(template.id() + ".html", template.id() + ".txt");
        }
    }

    @Test
    void bothBundlesDefineTheSameMessagesIncludingEverySubject() throws IOException {
        Properties fr = bundle("fr");
        Properties en = bundle("en");
        assertThat(new TreeSet<>(fr.stringPropertyNames())).as("message keys").isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (MailTemplate template : MailTemplate.values()) {
            assertThat(fr.getProperty("subject." + template.id())).as("subject of %s", template.id()).isNotBlank();
        }
        fr.stringPropertyNames().forEach(key -> assertThat(fr.getProperty(key)).as(key).isNotBlank());
        en.stringPropertyNames().forEach(key -> assertThat(en.getProperty(key)).as(key).isNotBlank());
    }
}
