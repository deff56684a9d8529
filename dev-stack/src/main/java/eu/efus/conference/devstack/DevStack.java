package eu.efus.conference.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The dev stack launcher: Kafka (child JVM), mongo-java-server, GreenMail and a web inbox
 * (in-process), then the services as child JVMs; prints {@code READY ...} when all are healthy and
 * stops everything on Ctrl-C / SIGTERM.
 */
public final class DevStack {

    static final String HOST = "127.0.0.1";
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int TAIL_LINES = 30;

    private final StackConfig config;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private final Object lock = new Object();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean ready;

    // guarded by lock
    private final Map<ServiceSpec, ChildProcess> services = new LinkedHashMap<>();
    private ChildProcess kafka;
    private MongoComponent mongo;
    private MailComponent mail;
    private InboxWebServer web;
    private FileChannel lockChannel;
    private FileLock dataDirLock;

    DevStack(StackConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public static void main(String[] args) {
        StackConfig config;
        try {
            config = StackConfig.from(System.getenv(), args, Path.of(""));
        } catch (StackConfig.HelpRequested help) {
            System.out.print(StackConfig.USAGE);
            return;
        } catch (StackConfig.ConfigException e) {
            System.err.println("dev-stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        DevStack stack = new DevStack(config, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "dev-stack-shutdown"));
        int exit = stack.run();
        if (exit != 0) {
            stack.stop();
            System.exit(exit);
        }
    }

    /** Starts everything, prints READY and blocks; returns an exit code only on failure. */
    int run() {
        try {
            List<ServiceSpec> selected = ServiceSpec.selected(config);
            String problem = checkJars(selected);
            if (problem != null) {
                return fail(problem);
            }
            Files.createDirectories(config.logsDir());
            if (!lockDataDir()) {
                return fail("Another dev-stack is already running with DATA_DIR=" + config.dataDir()
                        + ". Stop it first, or use another DATA_DIR.");
            }
            ChildProcess.stopLeftovers(config.dataDir().resolve("run"), marker(), out);

            Set<Port> needed = new LinkedHashSet<>(List.of(Port.KAFKA, Port.KAFKA_CONTROLLER, Port.MONGO, Port.SMTP,
                    Port.IMAP, Port.MAIL_WEB));
            selected.forEach(spec -> needed.add(spec.port()));
            List<String> taken = PortCheck.problems(config, needed);
            if (!taken.isEmpty()) {
                return fail(String.join("\n", taken));
            }

            out.println("dev-stack: data " + config.dataDir() + (config.infraOnly() ? " (infra only)" : ""));
            out.flush();
            startInfrastructure();
            if (!selected.isEmpty()) {
                startServices(selected);
                if (!awaitServices(selected)) {
                    return 1;
                }
            }
            printReady();
            new CountDownLatch(1).await();
            return 0;
        } catch (Aborted e) {
            return 0; // Ctrl-C during start: the shutdown hook is already stopping everything
        } catch (Failed e) {
            return 1; // already reported
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stopping.get() ? 0 : fail("interrupted");
        } catch (Exception e) {
            if (stopping.get()) {
                return 0;
            }
            return fail(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    // ---------------------------------------------------------------- start

    private void startInfrastructure() throws Exception {
        long t = System.nanoTime();
        KafkaBroker broker = new KafkaBroker(config);
        // Kafka (format on first use + JVM start) is the slowest part: spawn it while the rest starts
        CompletableFuture<Void> kafkaSpawned = new CompletableFuture<>();
        Thread spawner = new Thread(() -> {
            try {
                broker.prepare(marker());
                synchronized (lock) {
                    checkNotStopping();
                    kafka = broker.spawn(marker());
                    watch(kafka, null);
                }
                kafkaSpawned.complete(null);
            } catch (Throwable e) {
                kafkaSpawned.completeExceptionally(e);
            }
        }, "kafka-spawner");
        spawner.setDaemon(true);
        spawner.start();

        long tm = System.nanoTime();
        synchronized (lock) {
            checkNotStopping();
            mongo = MongoComponent.start(config.dataDir().resolve("mongo").resolve("mongo.mv"), HOST, config.port(Port.MONGO));
        }
        line("mongodb", "mongodb://localhost:" + config.port(Port.MONGO), tm);

        long tg = System.nanoTime();
        synchronized (lock) {
            checkNotStopping();
            mail = MailComponent.start(HOST, config.port(Port.SMTP), config.port(Port.IMAP));
            web = InboxWebServer.start(MailInbox.of(mail.greenMail()), HOST, config.port(Port.MAIL_WEB));
        }
        line("mail", "smtp=localhost:" + config.port(Port.SMTP) + " imap=localhost:" + config.port(Port.IMAP)
                + " web=http://localhost:" + config.port(Port.MAIL_WEB), tg);

        try {
            kafkaSpawned.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        try {
            broker.awaitReadyAndCreateTopics(config.startupTimeout());
        } catch (Exception e) {
            checkNotStopping();
            report("kafka", kafka, e.getMessage());
            throw new Failed();
        }
        line("kafka", "localhost:" + config.port(Port.KAFKA) + ", topics " + String.join(", ", KafkaBroker.TOPICS)
                + " (pid " + kafka.pid() + ")", t);
    }

    private void startServices(List<ServiceSpec> selected) throws IOException {
        for (ServiceSpec spec : selected) {
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.addAll(spec.jvmOptions(config));
            command.add(marker());
            command.add("-jar");
            command.add(config.jarOf(spec.module()).toString());
            command.addAll(spec.arguments(config, selected));
            synchronized (lock) {
                checkNotStopping();
                ChildProcess child = ChildProcess.start(spec.module(), command, config.repoRoot(),
                        config.logsDir().resolve(spec.module() + ".log"), config.dataDir().resolve("run"));
                services.put(spec, child);
                watch(child, spec);
            }
            out.println(pad(spec.module()) + " starting on port " + config.port(spec.port()) + " (pid "
                    + services.get(spec).pid() + ")");
        }
        out.flush();
    }

    /** Polls every service's readiness endpoint; false (after reporting) if one dies or the timeout passes. */
    private boolean awaitServices(List<ServiceSpec> selected) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1).build();
        long t = System.nanoTime();
        long deadline = t + config.startupTimeout().toNanos();
        Set<ServiceSpec> pending = new LinkedHashSet<>(selected);
        while (!pending.isEmpty()) {
            checkNotStopping();
            if (!kafka.isAlive()) {
                report("kafka", kafka, "Kafka exited (exit code " + kafka.process().exitValue() + ")");
                return false;
            }
            for (ServiceSpec spec : new ArrayList<>(pending)) {
                ChildProcess child = services.get(spec);
                if (!child.isAlive()) {
                    report(spec.module(), child, spec.module() + " exited during start (exit code "
                            + child.process().exitValue() + ")");
                    return false;
                }
                if (isReady(http, spec)) {
                    pending.remove(spec);
                    line(spec.module(), "ready at http://localhost:" + config.port(spec.port()), t);
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                for (ServiceSpec spec : pending) {
                    report(spec.module(), services.get(spec), spec.module() + " is not ready after "
                            + config.startupTimeout().toSeconds() + " s (STARTUP_TIMEOUT_SECONDS): "
                            + "http://localhost:" + config.port(spec.port()) + "/actuator/health/readiness");
                }
                return false;
            }
            Thread.sleep(1000);
        }
        return true;
    }

    private boolean isReady(HttpClient http, ServiceSpec spec) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + config.port(spec.port()) + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void printReady() {
        StringBuilder line = new StringBuilder("READY");
        boolean hasGateway = services.keySet().stream().anyMatch(s -> s.port() == Port.GATEWAY);
        if (hasGateway) {
            line.append(" gateway=http://localhost:").append(config.port(Port.GATEWAY));
        }
        line.append(" mail=http://localhost:").append(config.port(Port.MAIL_WEB))
                .append(" imap=localhost:").append(config.port(Port.IMAP))
                .append(" smtp=localhost:").append(config.port(Port.SMTP))
                .append(" kafka=").append(config.kafkaBootstrap())
                .append(" mongodb=").append(config.mongoUri(null));
        for (ServiceSpec spec : services.keySet()) {
            if (spec.port() != Port.GATEWAY) {
                line.append(' ').append(spec.name()).append("=http://localhost:").append(config.port(spec.port()));
            }
        }
        ready = true;
        out.println(line);
        if (hasGateway) {
            out.println("  Web UI     " + config.publicBaseUrl());
            out.println("  Staff      organizer / demo-organizer (ORGANIZER), press-officer / demo-press (PRESS_OFFICER)");
        } else {
            out.println("  Infrastructure only: start the services from your IDE with the URLs above.");
        }
        out.println("  Mail       http://localhost:" + config.port(Port.MAIL_WEB)
                + " (IMAP: user = recipient address, any password)");
        out.println("  Logs       " + config.logsDir());
        out.println("  Started in " + seconds(started) + ". Ctrl-C to stop.");
        out.flush();
    }

    // ---------------------------------------------------------------- stop

    /** Stops everything in reverse order; idempotent, safe from the shutdown hook. */
    void stop() {
        stopping.set(true);
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        List<ChildProcess> serviceProcesses;
        ChildProcess kafkaProcess;
        synchronized (lock) {
            serviceProcesses = new ArrayList<>(services.values());
            kafkaProcess = kafka;
        }
        boolean anything = !serviceProcesses.isEmpty() || kafkaProcess != null || mongo != null || mail != null;
        if (anything) {
            out.println("stopping...");
            out.flush();
        }
        if (!serviceProcesses.isEmpty()) {
            ChildProcess.stopAll(serviceProcesses, STOP_GRACE);
        }
        if (kafkaProcess != null) {
            ChildProcess.stopAll(List.of(kafkaProcess), STOP_GRACE);
        }
        synchronized (lock) {
            quietly(web);
            quietly(mail);
            quietly(mongo);
            try {
                if (dataDirLock != null) {
                    dataDirLock.release();
                }
                if (lockChannel != null) {
                    lockChannel.close();
                }
            } catch (IOException ignored) {
                // released on exit anyway
            }
        }
        if (anything) {
            out.println("STOPPED");
            out.flush();
        }
    }

    // ---------------------------------------------------------------- helpers

    private String checkJars(List<ServiceSpec> selected) {
        List<String> missing = new ArrayList<>();
        for (ServiceSpec spec : selected) {
            if (!Files.isRegularFile(config.jarOf(spec.module()))) {
                missing.add(config.jarOf(spec.module()).toString());
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "Service jar(s) not found:\n  " + String.join("\n  ", missing)
                + "\nBuild them first from the repository root: ./mvnw -DskipTests package"
                + " (or use ./run.sh, which builds when needed)."
                + "\nThe jars are looked up under STACK_HOME (or the current directory): " + config.repoRoot()
                + "\nTo start only Kafka, MongoDB and mail, use --infra-only.";
    }

    private boolean lockDataDir() throws IOException {
        lockChannel = FileChannel.open(config.dataDir().resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            dataDirLock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            dataDirLock = null;
        }
        return dataDirLock != null;
    }

    /** Put on every child's command line, so left-overs of a hard-killed launcher can be recognised. */
    private String marker() {
        return "-Ddevstack.data-dir=" + config.dataDir();
    }

    private void watch(ChildProcess child, ServiceSpec spec) {
        child.process().onExit().thenAccept(process -> {
            if (ready && !stopping.get()) {
                out.println("! " + child.name() + " exited unexpectedly (exit code " + process.exitValue()
                        + "); it is not restarted. Log: " + child.log());
                out.flush();
            }
        });
    }

    private void report(String name, ChildProcess child, String message) {
        out.println("FAILED: " + message);
        if (child != null) {
            out.println("---- last " + TAIL_LINES + " lines of " + child.log() + " ----");
            child.tail(TAIL_LINES).forEach(out::println);
            out.println("---- end of " + name + " log ----");
        }
        out.flush();
    }

    private int fail(String message) {
        out.println("FAILED: " + message);
        out.flush();
        return 1;
    }

    private void checkNotStopping() {
        if (stopping.get()) {
            throw new Aborted();
        }
    }

    private void line(String name, String what, long since) {
        out.println(pad(name) + " " + what + " in " + seconds(since));
        out.flush();
    }

    private static String pad(String name) {
        return String.format(Locale.ROOT, "%-21s", name);
    }

    private static String seconds(long since) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - since) / 1e9);
    }

    private static void quietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }

    static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "java.exe" : "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Ctrl-C arrived while starting. */
    private static final class Aborted extends RuntimeException {
        Aborted() {
            super("stopping", null, false, false);
        }
    }

    /** Already reported. */
    private static final class Failed extends RuntimeException {
        Failed() {
            super(null, null, false, false);
        }
    }
}
