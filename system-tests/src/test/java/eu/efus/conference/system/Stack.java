package eu.efus.conference.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole stack started exactly as {@code ./run.sh} starts it (the dev-stack launcher), on free ports so it never
 * collides with a stack a developer has running, with its own data directory.
 */
final class Stack implements AutoCloseable {

    static final Path HOME = Path.of(System.getProperty("stack.home", "..")).toAbsolutePath().normalize();

    final Map<String, Integer> ports = new LinkedHashMap<>();
    final Path dataDir;
    private final Path output;
    private final List<String> lines = new ArrayList<>();
    private Process process;
    private Thread reader;

    Stack(Path dataDir) {
        this.dataDir = dataDir;
        this.output = dataDir.resolveSibling(dataDir.getFileName() + "-launcher.log");
        for (String name : List.of("GATEWAY_PORT", "GATEWAY_MANAGEMENT_PORT", "REGISTRATION_PORT", "ACCREDITATION_PORT", "NOTIFICATION_PORT",
                "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "SMTP_PORT", "IMAP_PORT", "MAIL_WEB_PORT")) {
            ports.put(name, freePort());
        }
    }

    /** Starts the launcher and waits for its READY line. */
    Stack start(Map<String, String> extraEnvironment) throws Exception {
        Path jar = HOME.resolve("dev-stack/target/dev-stack.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the stack first: " + jar + " is missing");
        }
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx384m", "-jar", jar.toString())
                .directory(HOME.toFile()).redirectErrorStream(true);
        ports.forEach((name, port) -> builder.environment().put(name, String.valueOf(port)));
        builder.environment().put("DATA_DIR", dataDir.toString());
        builder.environment().put("STACK_HOME", HOME.toString());
        builder.environment().put("CONFERENCE_PUBLIC_BASE_URL", gateway());
        builder.environment().putAll(extraEnvironment);
        process = builder.start();
        CountDownLatch ready = new CountDownLatch(1);
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter log = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.println(line);
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith("READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "stack-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!ready.await(1, TimeUnit.SECONDS)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("The stack did not become READY; its output:\n" + String.join("\n", output()));
            }
        }
        return this;
    }

    List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String gateway() {
        return "http://localhost:" + ports.get("GATEWAY_PORT");
    }

    /** The gateway's actuator (health, Prometheus metrics): a port of its own, never the public one. */
    String gatewayManagement() {
        return "http://localhost:" + ports.get("GATEWAY_MANAGEMENT_PORT");
    }

    int imapPort() {
        return ports.get("IMAP_PORT");
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Stops the stack the way Ctrl-C does (SIGTERM to the launcher) and waits for it to finish. */
    int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        // SIGTERM through the handle: Process.destroy() would also close the pipe we read the last lines from.
        process.toHandle().destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        // The last lines may still be in the pipe: read them before anyone looks at the output.
        reader.join(10_000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            stop();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    static int freePort() {
        return eu.efus.conference.testsupport.TestInfrastructure.freePort();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
