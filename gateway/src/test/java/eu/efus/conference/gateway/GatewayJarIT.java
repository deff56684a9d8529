package eu.efus.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

/**
 * What the packaged gateway jar ships: no staff account and no secret of any deployment, neither in the gateway's own
 * files nor in the modules of this project it carries (the web pages); they are given at start (see README). Without
 * its staff-token secret the jar does not start.
 */
class GatewayJarIT {

    private static final Path JAR = Path.of("target", "gateway.jar");
    /** A whole bcrypt hash (any variant), not just the word: messages may show the form an account takes. */
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    /** An accounts list in a YAML resource ({@code accounts:} followed by list items). */
    private static final Pattern ACCOUNT_LIST = Pattern.compile("\\n\\s*accounts:\\s*\\n\\s*- ");
    /** The demo passwords, and the mark of a demo secret ({@code demo-only-…}). */
    private static final List<String> DEMO_VALUES = List.of("demo-organizer", "demo-press", "demo-checkin", "demo-only");
    /** A library built by this project: its Maven descriptor is under this group. */
    private static final String OWN_GROUP = "META-INF/maven/eu.efus.conference/";

    @Test
    void theJarAndTheProjectsModulesInsideItContainNoStaffAccountPasswordHashOrDemoSecret() throws IOException {
        assertThat(JAR).as("packaged before the integration tests").isRegularFile();
        List<String> ownFiles = new ArrayList<>();
        List<String> ownLibraries = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.getName().startsWith("BOOT-INF/classes/")) {
                    ownFiles.add(entry.getName());
                    try (InputStream in = jar.getInputStream(entry)) {
                        check(entry.getName(), in.readAllBytes(), offending);
                    }
                } else if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    byte[] library;
                    try (InputStream in = jar.getInputStream(entry)) {
                        library = in.readAllBytes();
                    }
                    Map<String, byte[]> files = files(library);
                    if (files.keySet().stream().anyMatch(name -> name.startsWith(OWN_GROUP))) {
                        ownLibraries.add(entry.getName());
                        files.forEach((name, content) -> check(entry.getName() + "!/" + name, content, offending));
                    }
                }
            }
        }
        assertThat(ownFiles).as("the scan saw the gateway's own configuration").contains("BOOT-INF/classes/application.yml");
        assertThat(ownLibraries).as("the scan saw the web pages' module").anyMatch(name -> name.startsWith("BOOT-INF/lib/web-"));
        assertThat(offending).isEmpty();
    }

    @Test
    void withoutTheStaffTokenSecretTheJarDoesNotStartAndNamesTheVariable() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "--server.port=0",
                "--management.server.port=0").redirectErrorStream(true);
        // Everything else a deployment gives, the accounts in the environment as documented; the secret blank, so
        // that nothing in this JVM's own environment can stand in for it.
        builder.environment().put("CONFERENCE_STAFF_TOKEN_SECRET", "");
        builder.environment().put("CONFERENCE_STAFF_ACCOUNTS_0_USERNAME", "organizer");
        builder.environment().put("CONFERENCE_STAFF_ACCOUNTS_0_PASSWORD_HASH",
                "{bcrypt}$2a$10$pM0IvrYCLIn6EXMYNTsHoO86/aQSVkexO5Lynxwp/g2RaYPGc0hC6");
        builder.environment().put("CONFERENCE_STAFF_ACCOUNTS_0_ROLES", "ORGANIZER");
        builder.environment().remove("CONFERENCE_STAFF_ACCOUNTS_FILE");
        Process process = builder.start();
        process.getOutputStream().close();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8); // until the process ends
        } finally {
            if (!process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("CONFERENCE_STAFF_TOKEN_SECRET is not set").doesNotContain("Started GatewayApplication");
    }

    private static void check(String name, byte[] content, List<String> offending) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (BCRYPT_HASH.matcher(text).find() || DEMO_VALUES.stream().anyMatch(text::contains)
                || ACCOUNT_LIST.matcher(text).find()) {
            offending.add(name);
        }
    }

    /** The files of a nested library, by name. */
    private static Map<String, byte[]> files(byte[] library) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(library))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), zip.readAllBytes());
                }
            }
        }
        return files;
    }
}
