package eu.efus.conference.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything the launcher needs, read from command-line arguments and an environment map (never
 * from {@code System.getenv()} directly, so it can be tested).
 */
public record StackConfig(
        Path repoRoot,
        Path dataDir,
        boolean infraOnly,
        Map<Port, Integer> ports,
        String publicBaseUrl,
        Duration startupTimeout,
        List<String> serviceJavaOpts,
        List<String> kafkaJavaOpts,
        int replicas,
        Map<Port, List<Integer>> instancePorts,
        int mailKeep,
        Set<String> givenSettings,
        List<String> warnings) {

    /** Most instances per service: each is a JVM of about 300 MB, and the ports step by 10 from the base. */
    public static final int MAX_REPLICAS = 8;
    /** Instance i (0-based) of a replicated service listens on {@code base + PORT_STEP * i} unless that clashes. */
    public static final int PORT_STEP = 10;
    /** Emails the mail server keeps by default: a few thousand is what a person reads; each costs the launcher's heap. */
    public static final int DEFAULT_MAIL_KEEP = 5000;
    /**
     * Settings of the services that the launcher reads under the services' own names, the same as in Compose,
     * {@code .env.example} and the jars. The launcher's environment reaches every child unchanged, so one the
     * environment gives is left to it; otherwise the launcher passes the embedded stack's value
     * ({@link ServiceSpec#DEMO_SETTINGS}, or the gateway's address for the public URL).
     */
    public static final List<String> SERVICE_SETTINGS = List.of("CONFERENCE_PUBLIC_BASE_URL",
            "CONFERENCE_STAFF_TOKEN_SECRET", "CONFERENCE_CHECKIN_SECRET", "CONFERENCE_DEMO_DATA");
    /** The launcher's former name of {@code CONFERENCE_PUBLIC_BASE_URL}, still read with a warning. */
    static final String DEPRECATED_PUBLIC_BASE_URL = "PUBLIC_BASE_URL";

    public static final String USAGE = """
            Usage: java -jar dev-stack/target/dev-stack.jar [--infra-only] [--help]
              --infra-only   start only Kafka, MongoDB (mongo-java-server), GreenMail and the web inbox
                             (same as INFRA_ONLY=true)
            Environment (all optional):
              STACK_HOME       repository root holding <module>/target/<module>.jar (default: current dir)
              DATA_DIR         persistent data and logs (default: ./.data)
              CONFERENCE_PUBLIC_BASE_URL  public URL used in e-mails (default: http://localhost:<GATEWAY_PORT>;
                               the former name PUBLIC_BASE_URL still works, with a warning)
              CONFERENCE_STAFF_TOKEN_SECRET CONFERENCE_CHECKIN_SECRET CONFERENCE_DEMO_DATA
                               the services' own settings; unset, the embedded stack gives its demo values
                               (public demo secrets, demo programme on)
              STARTUP_TIMEOUT_SECONDS  how long to wait for the services to be ready (default: 240)
              SERVICE_JAVA_OPTS  extra JVM options appended for every service (split on spaces)
              KAFKA_JAVA_OPTS    extra JVM options appended for the Kafka broker (split on spaces)
              REPLICAS         instances of registration-, accreditation- and notification-service, 1 to 8
                               (default: 1). Instance i (0-based) listens on <base port> + 10*i, skipping
                               ports that clash; the gateway stays one instance and gets every instance URL.
                               An instance that exits with a non-zero code is restarted (backoff 1 s doubling
                               to 30 s); $DATA_DIR/instances.json lists every instance's current pid and state.
              MAIL_KEEP        emails the mail server and its web inbox keep (default: 5000); older ones are
                               deleted, so a long load test does not fill the launcher's memory. Messages keep
                               their numbers in the inbox. 0 keeps everything.
              GATEWAY_PORT GATEWAY_MANAGEMENT_PORT REGISTRATION_PORT ACCREDITATION_PORT NOTIFICATION_PORT
              KAFKA_PORT KAFKA_CONTROLLER_PORT MONGO_PORT SMTP_PORT IMAP_PORT MAIL_WEB_PORT
                               (for a replicated service, the port of its first instance)
            """;

    public StackConfig {
        ports = Collections.unmodifiableMap(new EnumMap<>(ports));
        serviceJavaOpts = List.copyOf(serviceJavaOpts);
        kafkaJavaOpts = List.copyOf(kafkaJavaOpts);
        Map<Port, List<Integer>> copy = new EnumMap<>(Port.class);
        instancePorts.forEach((port, numbers) -> copy.put(port, List.copyOf(numbers)));
        instancePorts = Collections.unmodifiableMap(copy);
        givenSettings = Set.copyOf(givenSettings);
        warnings = List.copyOf(warnings);
    }

    /** Thrown for a bad argument or environment value; the message is meant for the user. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }

    /** Thrown when the user asked for {@code --help}. */
    public static final class HelpRequested extends RuntimeException {
        public HelpRequested() {
            super(USAGE);
        }
    }

    public static StackConfig from(Map<String, String> env, String[] args, Path workingDir) {
        Path cwd = workingDir.toAbsolutePath().normalize();
        boolean infraOnly = isTrue(env.get("INFRA_ONLY"));
        for (String arg : args) {
            switch (arg) {
                case "--infra-only" -> infraOnly = true;
                case "--help", "-h" -> throw new HelpRequested();
                default -> throw new ConfigException("Unknown argument '" + arg + "'.\n" + USAGE);
            }
        }

        Path repoRoot = resolve(cwd, nonBlank(env.get("STACK_HOME")), ".");
        Path dataDir = resolve(cwd, nonBlank(env.get("DATA_DIR")), ".data");

        Map<Port, Integer> ports = new EnumMap<>(Port.class);
        Map<Integer, Port> byNumber = new HashMap<>();
        for (Port port : Port.values()) {
            int number = parsePort(port, env.get(port.envVar()));
            Port clash = byNumber.putIfAbsent(number, port);
            if (clash != null) {
                throw new ConfigException("Port " + number + " is configured twice: " + clash.envVar() + " ("
                        + clash.label() + ") and " + port.envVar() + " (" + port.label() + "). Give each its own port.");
            }
            ports.put(port, number);
        }

        List<String> warnings = new ArrayList<>();
        String urlVariable = "CONFERENCE_PUBLIC_BASE_URL";
        String publicBaseUrl = nonBlank(env.get(urlVariable));
        String deprecatedUrl = nonBlank(env.get(DEPRECATED_PUBLIC_BASE_URL));
        if (deprecatedUrl != null && publicBaseUrl == null) {
            urlVariable = DEPRECATED_PUBLIC_BASE_URL;
            publicBaseUrl = deprecatedUrl;
            warnings.add("PUBLIC_BASE_URL is deprecated: name it CONFERENCE_PUBLIC_BASE_URL, as Compose and the services do.");
        } else if (deprecatedUrl != null) {
            warnings.add("PUBLIC_BASE_URL is ignored: CONFERENCE_PUBLIC_BASE_URL is set, and is the one name of this setting.");
        }
        if (publicBaseUrl == null) {
            publicBaseUrl = "http://localhost:" + ports.get(Port.GATEWAY);
        } else if (!publicBaseUrl.startsWith("http://") && !publicBaseUrl.startsWith("https://")) {
            throw new ConfigException(urlVariable + " must start with http:// or https://, got '" + publicBaseUrl + "'.");
        }
        while (publicBaseUrl.endsWith("/")) {
            publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
        }

        Duration timeout = Duration.ofSeconds(parsePositive("STARTUP_TIMEOUT_SECONDS", env.get("STARTUP_TIMEOUT_SECONDS"), 240));

        int replicas = parseReplicas(env.get("REPLICAS"));

        return new StackConfig(repoRoot, dataDir, infraOnly, ports, publicBaseUrl, timeout,
                splitOptions(env.get("SERVICE_JAVA_OPTS")), splitOptions(env.get("KAFKA_JAVA_OPTS")), replicas,
                assignInstancePorts(ports, replicas), parseMailKeep(env.get("MAIL_KEEP")), givenSettings(env), warnings);
    }

    /** The {@link #SERVICE_SETTINGS} the environment gives (a blank value counts as not given). */
    private static Set<String> givenSettings(Map<String, String> env) {
        Set<String> given = new HashSet<>();
        for (String name : SERVICE_SETTINGS) {
            if (nonBlank(env.get(name)) != null) {
                given.add(name);
            }
        }
        return given;
    }

    /** Whether the launcher's environment gives this service setting (its children then inherit it). */
    public boolean environmentGives(String variable) {
        return givenSettings.contains(variable);
    }

    private static int parseMailKeep(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MAIL_KEEP;
        }
        try {
            int keep = Integer.parseInt(value.strip());
            if (keep >= 0) {
                return keep;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("MAIL_KEEP must be a whole number of emails, 0 (keep everything) or more, got '"
                + value + "'.");
    }

    /** The port of a component; for a replicated service, that of its first instance (the base port). */
    public int port(Port port) {
        return ports.get(port);
    }

    /** The port of every instance of {@code port}'s component, first instance first: one unless it is replicated. */
    public List<Integer> instancePorts(Port port) {
        return instancePorts.getOrDefault(port, List.of(port(port)));
    }

    /**
     * Instance i (0-based) of each replicated component gets {@code base + 10*i}; a port already configured for
     * something else or given to an earlier instance is skipped by further steps of 10. The result depends only on
     * the configuration (not on what happens to be free right now), so the same settings always give the same
     * ports and a restarted instance comes back where the gateway expects it; the launcher's port check then
     * reports any port that something outside the stack holds.
     */
    static Map<Port, List<Integer>> assignInstancePorts(Map<Port, Integer> ports, int replicas) {
        Set<Integer> used = new HashSet<>(ports.values());
        Map<Port, List<Integer>> result = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            int base = ports.get(port);
            List<Integer> numbers = new ArrayList<>(List.of(base));
            if (port.replicated()) {
                int candidate = base;
                for (int i = 1; i < replicas; i++) {
                    candidate += PORT_STEP;
                    while (used.contains(candidate)) {
                        candidate += PORT_STEP;
                    }
                    if (candidate > 65535) {
                        throw new ConfigException("REPLICAS=" + replicas + " needs more ports above " + port.envVar() + "="
                                + base + " than there are (instance " + (i + 1) + " would get " + candidate
                                + "). Choose a lower " + port.envVar() + ".");
                    }
                    used.add(candidate);
                    numbers.add(candidate);
                }
            }
            result.put(port, numbers);
        }
        return result;
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path jarOf(String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    public String kafkaBootstrap() {
        return "localhost:" + port(Port.KAFKA);
    }

    public String mongoUri(String database) {
        return "mongodb://localhost:" + port(Port.MONGO) + (database == null ? "" : "/" + database);
    }

    static List<String> splitOptions(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList(value.trim().split("\\s+")));
    }

    private static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("on");
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Path resolve(Path cwd, String value, String fallback) {
        return cwd.resolve(value == null ? fallback : value).toAbsolutePath().normalize();
    }

    private static int parsePort(Port port, String value) {
        if (value == null || value.isBlank()) {
            return port.defaultPort();
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(port.envVar() + " must be a port number between 1 and 65535, got '" + value + "'.");
    }

    private static int parseReplicas(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1 && number <= MAX_REPLICAS) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("REPLICAS must be a whole number from 1 to " + MAX_REPLICAS
                + " (instances of each service behind the gateway), got '" + value + "'.");
    }

    private static long parsePositive(String name, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(name + " must be a positive whole number, got '" + value + "'.");
    }
}
