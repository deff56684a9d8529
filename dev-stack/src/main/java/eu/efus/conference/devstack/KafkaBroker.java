package eu.efus.conference.devstack;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker + controller), run as a child JVM from
 * the launcher's own classpath, with its logs under {@code $DATA_DIR/kafka}.
 */
public final class KafkaBroker {

    public static final List<String> TOPICS = List.of("registration.events", "notification.events", "accreditation.events");
    public static final int PARTITIONS = 3;

    private final StackConfig config;
    private final Path home;
    private final Path logDirs;
    private ChildProcess process;

    public KafkaBroker(StackConfig config) {
        this.config = config;
        this.home = config.dataDir().resolve("kafka");
        this.logDirs = home.resolve("data");
    }

    /** Writes the configuration and formats the storage on first use (a short-lived JVM, ~2-3 s). */
    public void prepare(String marker) throws IOException, InterruptedException {
        Files.createDirectories(logDirs);
        Files.writeString(serverProperties(), serverProperties(config, logDirs));
        Files.writeString(log4jConfig(), LOG4J2_PROPERTIES);
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            List<String> format = javaCommand(marker, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", serverProperties().toString(),
                    "--ignore-formatted"));
            int exit = ChildProcess.run(format, home, logFile(), Duration.ofSeconds(120));
            if (exit != 0) {
                throw new IOException("formatting the Kafka storage failed (exit code " + exit + "), see " + logFile());
            }
        }
    }

    /** Spawns the broker (does not wait for it). */
    public ChildProcess spawn(String marker) throws IOException {
        List<String> jvm = new ArrayList<>(List.of("-Xmx384m", "-Xms128m", "-XX:+UseSerialGC", "-Xss512k",
                "-XX:MaxDirectMemorySize=128m"));
        jvm.addAll(config.kafkaJavaOpts());
        List<String> command = javaCommand(marker, jvm);
        command.add("kafka.Kafka");
        command.add(serverProperties().toString());
        process = ChildProcess.start("kafka", command, home, logFile(), config.dataDir().resolve("run"));
        return process;
    }

    private Path serverProperties() {
        return home.resolve("server.properties");
    }

    private Path log4jConfig() {
        return home.resolve("log4j2.properties");
    }

    private Path logFile() {
        return config.logsDir().resolve("kafka.log");
    }

    /**
     * Waits until the broker accepts connections and answers the admin API, then creates the
     * topics (existing ones are left alone).
     */
    public void awaitReadyAndCreateTopics(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int port = config.port(Port.KAFKA);
        while (!canConnect(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited during start (exit code " + process.process().exitValue() + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not open port " + port + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "dev-stack");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka did not become ready: " + e.getMessage(), e);
                    }
                    Thread.sleep(200);
                }
            }
            List<NewTopic> topics = TOPICS.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).collect(Collectors.toList());
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + result.getKey() + ": " + e.getCause(), e);
                    }
                }
            }
        }
    }

    public ChildProcess process() {
        return process;
    }

    static String serverProperties(StackConfig config, Path logDirs) {
        int port = config.port(Port.KAFKA);
        int controller = config.port(Port.KAFKA_CONTROLLER);
        return """
                # Generated by dev-stack on every start; edit the launcher, not this file.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                controller.listener.names=CONTROLLER
                log.dirs=%3$s
                num.partitions=3
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                log.retention.hours=168
                log.segment.bytes=67108864
                num.network.threads=2
                num.io.threads=4
                num.recovery.threads.per.data.dir=1
                """.formatted(port, controller, logDirs.toAbsolutePath().toString().replace("\\", "/"));
    }

    private String clusterId() throws IOException {
        Path file = home.resolve("cluster.id");
        if (Files.exists(file)) {
            String id = Files.readString(file).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        // same as `kafka.tools.StorageTool random-uuid`, without a JVM start
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + System.lineSeparator());
        return id;
    }

    private List<String> javaCommand(String marker, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(DevStack.javaBinary());
        command.addAll(jvmOptions);
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4jConfig().toAbsolutePath());
        command.add("-Dkafka.logs.dir=" + config.logsDir().toAbsolutePath());
        command.add(marker);
        command.add("-cp");
        command.add(absoluteClassPath());
        return command;
    }

    /** The launcher's classpath with absolute entries (the jar's manifest Class-Path brings lib/*.jar). */
    static String absoluteClassPath() {
        String classPath = System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static final String LOG4J2_PROPERTIES = """
            # Generated by dev-stack: the Kafka broker logs to stdout, which the launcher appends to logs/kafka.log
            status = warn
            appender.out.type = Console
            appender.out.name = STDOUT
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.out.ref = STDOUT
            logger.state.name = state.change.logger
            logger.state.level = WARN
            logger.request.name = kafka.request.logger
            logger.request.level = WARN
            logger.cleaner.name = kafka.log.LogCleaner
            logger.cleaner.level = WARN
            logger.config.name = org.apache.kafka.common.config.AbstractConfig
            logger.config.level = WARN
            """;
}
