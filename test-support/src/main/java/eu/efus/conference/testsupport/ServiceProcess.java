package eu.efus.conference.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import org.awaitility.Awaitility;

/**
 * A service started in a JVM of its own from the test's class path, configured the way a deployment configures it: by
 * environment variables and command-line properties, with Boot's own logging set-up (the test logging file of this
 * module is left out of its class path). For what only shows in a real process, such as the console log format.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String TEST_LOGGING_FILE = "logback-test.xml";

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ServiceProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "service-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code environment} added to this JVM's and the given command-line arguments. */
    public static ServiceProcess start(String mainClass, Map<String, String> environment, List<String> arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath(), mainClass));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start());
    }

    /** Everything the process wrote so far, line by line. */
    public List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The first line matching {@code match}, waiting for it up to {@code timeout}. */
    public String awaitLine(Predicate<String> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited (" + process.exitValue() + "):\n"
                        + String.join("\n", output()));
            }
            return output().stream().filter(match).findFirst();
        }, Optional::isPresent).get();
    }

    /** Waits up to {@code timeout} for the process to end on its own (a start that fails) and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The service still runs after " + timeout + ":\n" + String.join("\n", output()));
        }
        reader.join(5_000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(5_000);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * The test class path (Surefire and Failsafe put it in {@code surefire.test.class.path}; the JVM's own may be a
     * manifest-only jar) without the entries that hold a test logging file.
     */
    private static String classPath() {
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = new ArrayList<>();
        for (String entry : all.split(File.pathSeparator)) {
            if (!entry.isBlank() && !holdsTestLogging(Path.of(entry))) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    private static boolean holdsTestLogging(Path entry) {
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve(TEST_LOGGING_FILE));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.getEntry(TEST_LOGGING_FILE) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
