package eu.efus.conference.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The infrastructure a service test needs, started once per test JVM: a real Kafka broker, a MongoDB and an SMTP server.
 * Containers when a Docker engine answers, embedded components otherwise (a KRaft broker in-process, the MongoDB wire
 * server, GreenMail), so the same tests run on a laptop with Docker and on a machine with only a JDK.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final String kafkaBootstrap;
    private final String mongoBaseUri;
    private final GreenMail greenMail;
    private final int smtpPort;
    private final boolean containers;

    private TestInfrastructure() {
        containers = !Boolean.getBoolean("tests.embedded") && dockerAvailable();
        if (containers) {
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
            MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
            kafka.start();
            mongo.start();
            kafkaBootstrap = kafka.getBootstrapServers();
            mongoBaseUri = mongo.getConnectionString();
        } else {
            EmbeddedKafkaKraftBroker kafka = startKafka(0);
            kafkaBootstrap = kafka.getBrokersAsString();
            MongoServer mongo = new MongoServer(new MemoryBackend());
            int mongoPort = freePort();
            mongo.bind("127.0.0.1", mongoPort);
            mongoBaseUri = "mongodb://127.0.0.1:" + mongoPort;
        }
        smtpPort = freePort();
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
    }

    /** The shared infrastructure of this JVM, started on first use. */
    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = new TestInfrastructure();
        }
        return instance;
    }

    /**
     * A KRaft broker in this JVM; with {@code fixedPort > 0} it also listens on that port, so a test can point a service
     * at an address before any broker is there and start one later.
     */
    public static EmbeddedKafkaKraftBroker startKafka(int fixedPort) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        if (fixedPort > 0) {
            broker.brokerProperties(Map.of(
                    "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,FIXED://localhost:" + fixedPort,
                    "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,FIXED:PLAINTEXT",
                    "advertised.listeners", "EXTERNAL://localhost:0,FIXED://localhost:" + fixedPort));
        }
        broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "true"));
        broker.afterPropertiesSet();
        return broker;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A TCP port nothing listens on right now, below the kernel's ephemeral range (32768+): a server that is stopped
     * and started again on it (the mail server in outage tests) cannot find it taken by some client's outgoing socket.
     */
    public static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            if (!HANDED_OUT.contains(port) && isFree(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("No free port found between 20000 and 32000");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The check-in secret the tests give registration-service ({@link #register}); the jar has none. */
    public static final String CHECKIN_SECRET = "test-only-check-in-secret-0123456789abcdef";

    /**
     * Points a Spring Boot service at this infrastructure, with its own database, and gives it the secrets a
     * deployment gives (the jars ship none): the staff-token secret {@link StaffTokens} signs with, and the check-in
     * secret.
     */
    public void register(DynamicPropertyRegistry registry, String database) {
        registry.add("conference.staff-token.secret", () -> StaffTokens.DEMO_SECRET);
        registry.add("conference.checkin.secret", () -> CHECKIN_SECRET);
        registry.add("spring.mongodb.uri", () -> mongoUri(database));
        registry.add("spring.cloud.stream.kafka.binder.brokers", this::kafkaBootstrap);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtpPort);
    }

    public String mongoUri(String database) {
        String base = mongoBaseUri.endsWith("/") ? mongoBaseUri.substring(0, mongoBaseUri.length() - 1) : mongoBaseUri;
        int query = base.indexOf('?');
        return query < 0 ? base + "/" + database : base.substring(0, query) + "/" + database + base.substring(query);
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public boolean usesContainers() {
        return containers;
    }
}
