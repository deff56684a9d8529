package eu.efus.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** What the packaged gateway jar ships: no staff account of any deployment (they are given at start, see README). */
class GatewayJarIT {

    private static final Path JAR = Path.of("target", "gateway.jar");
    /** A whole bcrypt hash (any variant), not just the word: messages may show the form an account takes. */
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    /** An accounts list in a YAML resource ({@code accounts:} followed by list items). */
    private static final Pattern ACCOUNT_LIST = Pattern.compile("\\n\\s*accounts:\\s*\\n\\s*- ");

    @Test
    void theJarContainsNoStaffAccountAndNoPasswordHash() throws IOException {
        assertThat(JAR).as("packaged before the integration tests").isRegularFile();
        List<String> ownFiles = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith("BOOT-INF/classes/")) {
                    continue; // the libraries are not ours; our classes and resources are
                }
                ownFiles.add(entry.getName());
                try (InputStream in = jar.getInputStream(entry)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    if (BCRYPT_HASH.matcher(text).find() || text.contains("demo-organizer") || text.contains("demo-press")
                            || ACCOUNT_LIST.matcher(text).find()) {
                        offending.add(entry.getName());
                    }
                }
            }
        }
        assertThat(ownFiles).as("the scan saw the gateway's own configuration").contains("BOOT-INF/classes/application.yml");
        assertThat(offending).isEmpty();
    }
}
