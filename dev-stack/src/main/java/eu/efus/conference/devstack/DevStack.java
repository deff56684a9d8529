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
 * (in-process), then the service instances as child JVMs; prints {@code READY ...} when all are healthy,
 * restarts an instance that dies, and stops everything on Ctrl-C / SIGTERM.
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    /** Starts the service instances and, once READY, restarts those that die. */
    private final Supervisor supervisor;

    // guarded by lock
    private final Map<ServiceSpec, List<Supervisor.Instance>> services = new LinkedHashMap<>();
    private ChildProcess kafka;
    private MongoComponent mongo;
    private MailComponent mail;
    private InboxWebServer web;
    private FileChannel lockChannel;
    private FileLock dataDirLock;

    DevStack(StackConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
        this.supervisor = new Supervisor(config.repoRoot(), config.dataDir().resolve("run"), instancesFile(config),
                Backoff.DEFAULT, this::isReady, out, config.startupTimeout());
    }

    /** Where the current pid, port and state of every service instance is kept (see dev-stack/README.md). */
    static Path instancesFile(StackConfig config) {
        return config.dataDir().resolve("instances.json");
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
        config.warnings().forEach(warning -> System.err.println("dev-stack: warning: " + warning));
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
            selected.forEach(spec -> needed.add(spec.port())); // PortCheck checks every instance of each
            List<String> taken = PortCheck.problems(config, needed);
            if (!taken.isEmpty()) {
                return fail(String.join("\n", taken));
            }

            out.println("dev-stack: data " + config.dataDir() + (config.infraOnly() ? " (infra only)" : ""));
            out.flush();
            startInfrastructure();
            if (!selected.isEmpty()) {
                startServices(selected);
                if (!awaitServices()) {
                    return 1;
                }
            }
            // before READY: whoever reads READY may rely on dead instances being brought back
            supervisor.supervise();
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
                    watchKafka(kafka);
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
            web = InboxWebServer.start(MailInbox.of(mail.greenMail()), HOST, config.port(Port.MAIL_WEB), config.mailKeep());
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

    /**
     * Prepares every instance of every service ({@code REPLICAS} of each replicated one, each on its own port, with
     * its own log {@code <module>.log}, {@code <module>-2.log}, ... and pid file) and starts the first instance of
     * each; {@link #awaitServices} starts the others once the first is ready. Instances of one service starting
     * together on a fresh database would all run its one-time start-up work (the demo data, seeded only when
     * missing) at once, and all but one fail on the duplicate; one JVM at a time per service is also lighter on a
     * small machine. The commands are kept by the supervisor, which runs them again to restart an instance.
     */
    private void startServices(List<ServiceSpec> selected) throws IOException {
        for (ServiceSpec spec : selected) {
            List<Integer> ports = config.instancePorts(spec.port());
            for (int number = 1; number <= ports.size(); number++) {
                int port = ports.get(number - 1);
                String name = spec.instanceName(number);
                List<String> command = new ArrayList<>();
                command.add(javaBinary());
                command.addAll(spec.jvmOptions(config));
                command.add(marker());
                // lets `ps` tell the instances apart; the marker above is what left-over cleanup relies on
                command.add("-Ddevstack.instance=" + name);
                command.add("-jar");
                command.add(config.jarOf(spec.module()).toString());
                command.addAll(spec.arguments(config, selected, port));
                String stem = spec.instanceFileStem(number);
                Supervisor.Instance instance = supervisor.add(spec.module(), name, number, port, command,
                        config.logsDir().resolve(stem + ".log"), stem);
                synchronized (lock) {
                    checkNotStopping();
                    services.computeIfAbsent(spec, s -> new ArrayList<>()).add(instance);
                }
                if (number == 1) {
                    startInstance(instance);
                }
            }
        }
        out.flush();
    }

    private void startInstance(Supervisor.Instance instance) throws IOException {
        try {
            supervisor.start(instance);
        } catch (Supervisor.StoppingException e) {
            throw new Aborted();
        }
    }

    /** The instances of the same service after {@code first}, not started yet. */
    private List<Supervisor.Instance> followersOf(Supervisor.Instance first) {
        synchronized (lock) {
            for (List<Supervisor.Instance> instances : services.values()) {
                if (instances.get(0) == first) {
                    return instances.subList(1, instances.size());
                }
            }
        }
        return List.of();
    }

    /** Polls every instance's readiness endpoint; false (after reporting) if one dies or the timeout passes. */
    private boolean awaitServices() throws InterruptedException, IOException {
        long t = System.nanoTime();
        long deadline = t + config.startupTimeout().toNanos();
        Set<Supervisor.Instance> pending = new LinkedHashSet<>();
        for (Supervisor.Instance instance : supervisor.instances()) {
            if (instance.process() != null) {
                pending.add(instance);
            }
        }
        while (!pending.isEmpty()) {
            checkNotStopping();
            if (!kafka.isAlive()) {
                report("kafka", kafka, "Kafka exited (exit code " + kafka.process().exitValue() + ")");
                return false;
            }
            for (Supervisor.Instance instance : new ArrayList<>(pending)) {
                ChildProcess child = instance.process();
                if (!child.isAlive()) {
                    // not restarted: dying before it was ever ready is a configuration problem, shown with its log
                    report(instance.name(), child, instance.name() + " exited during start (exit code "
                            + child.process().exitValue() + ")");
                    return false;
                }
                if (isReady(instance)) {
                    pending.remove(instance);
                    supervisor.markReady(instance);
                    line(instance.name(), "ready at " + instance.url(), t);
                    for (Supervisor.Instance follower : followersOf(instance)) {
                        startInstance(follower);
                        pending.add(follower);
                    }
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                for (Supervisor.Instance instance : pending) {
                    report(instance.name(), instance.process(), instance.name() + " is not ready after "
                            + config.startupTimeout().toSeconds() + " s (STARTUP_TIMEOUT_SECONDS): "
                            + instance.url() + "/actuator/health/readiness");
                }
                return false;
            }
            Thread.sleep(1000);
        }
        return true;
    }

    private boolean isReady(Supervisor.Instance instance) {
        int port = instance.port();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (spec.module().equals(instance.service)) {
                port = spec.healthPort(config, port);
            }
        }
        return isReady(port);
    }

    private boolean isReady(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/readiness"))
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
            line.append(" gateway=http://localhost:").append(config.port(Port.GATEWAY))
                    .append(" gateway-management=http://localhost:").append(config.port(Port.GATEWAY_MANAGEMENT));
        }
        line.append(" mail=http://localhost:").append(config.port(Port.MAIL_WEB))
                .append(" imap=localhost:").append(config.port(Port.IMAP))
                .append(" smtp=localhost:").append(config.port(Port.SMTP))
                .append(" kafka=").append(config.kafkaBootstrap())
                .append(" mongodb=").append(config.mongoUri(null));
        for (ServiceSpec spec : services.keySet()) {
            if (spec.port() != Port.GATEWAY) {
                // the same comma-separated list the gateway gets
                line.append(' ').append(spec.name()).append('=').append(String.join(",", spec.urls(config)));
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
        if (!services.isEmpty()) {
            out.println("  Instances  " + instancesFile(config) + " (current pid of each; a dead instance is restarted)");
        }
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
        boolean anyService;
        ChildProcess kafkaProcess;
        synchronized (lock) {
            anyService = !services.isEmpty();
            kafkaProcess = kafka;
        }
        boolean anything = anyService || kafkaProcess != null || mongo != null || mail != null;
        if (anything) {
            out.println("stopping...");
            out.flush();
        }
        // cancels pending restarts first, then stops whatever process each instance has now
        supervisor.stop(STOP_GRACE);
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

    /**
     * Kafka is not supervised, only the service instances are: a broker that dies is rare and usually for a reason
     * a restart in place does not cure (disk full, memory), and the launcher creates the topics only at start.
     */
    private void watchKafka(ChildProcess child) {
        child.process().onExit().thenAccept(process -> {
            if (ready && !stopping.get()) {
                out.println("! " + child.name() + " exited unexpectedly (exit code " + process.exitValue()
                        + "); the services cannot work without it: stop with Ctrl-C and start again. Log: "
                        + child.log());
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
