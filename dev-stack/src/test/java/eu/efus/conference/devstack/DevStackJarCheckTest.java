package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher refuses to start anything when a service jar is missing, and names every missing jar. */
class DevStackJarCheckTest {

    @TempDir
    Path repo;

    @Test
    void aMissingAccreditationJarIsReportedLikeAnyOtherAndNothingStarts() throws IOException {
        for (String module : new String[] {"registration-service", "notification-service", "gateway"}) {
            Path jar = repo.resolve(module).resolve("target").resolve(module + ".jar");
            Files.createDirectories(jar.getParent());
            Files.write(jar, new byte[] {1});
        }
        Path dataDir = repo.resolve("data");
        StackConfig config = StackConfig.from(Map.of("DATA_DIR", dataDir.toString()), new String[0], repo);
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = new DevStack(config, new PrintStream(output, true, StandardCharsets.UTF_8)).run();

        String printed = output.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, printed);
        assertTrue(printed.contains("FAILED: Service jar(s) not found"), printed);
        assertTrue(printed.contains(Path.of("accreditation-service", "target", "accreditation-service.jar").toString()), printed);
        assertFalse(printed.contains("registration-service.jar"), printed);
        assertTrue(printed.contains("./mvnw -DskipTests package"), printed);
        assertFalse(Files.exists(dataDir), "nothing was started, not even the data directory");
    }
}
