package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Structural checks of the root docker-compose.yml (no Docker needed). */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Map<String, String> APPLICATION_SERVICES = Map.of(
            "registration-service", "8081", "accreditation-service", "8082", "notification-service", "8083",
            "gateway", "8080");
    /** The services behind the gateway: each has its own database and a route. */
    private static final List<String> ROUTED_SERVICES = List.of("registration-service", "accreditation-service",
            "notification-service");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        assertTrue(Files.isRegularFile(COMPOSE), "expected " + COMPOSE.toAbsolutePath());
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> root = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) root.get("services");
        }
        assertNotNull(services, "services:");
    }

    @Test
    void theExpectedServicesAreThere() {
        assertTrue(services.keySet().containsAll(Set.of("kafka", "mongodb", "mailpit", "registration-service",
                "accreditation-service", "notification-service", "gateway")), services.keySet().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGatewayRoutesToEveryServiceAndWaitsForItsHealth() {
        Map<String, Object> gateway = services.get("gateway");
        Map<String, Object> environment = (Map<String, Object>) gateway.get("environment");
        Map<String, Object> dependsOn = (Map<String, Object>) gateway.get("depends_on");
        for (String service : ROUTED_SERVICES) {
            String name = service.substring(0, service.length() - "-service".length());
            String route = "CONFERENCE_ROUTES_" + name.toUpperCase(Locale.ROOT);
            assertEquals("http://" + service + ":" + APPLICATION_SERVICES.get(service), environment.get(route), route);
            assertNotNull(dependsOn.get(service), "gateway depends on " + service);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasItsOwnDatabaseKafkaTheSharedSecretAndThePublicUrl() {
        for (String service : ROUTED_SERVICES) {
            String name = service.substring(0, service.length() - "-service".length());
            Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
            assertEquals("mongodb://mongodb:27017/" + name, environment.get("SPRING_MONGODB_URI"), service);
            assertEquals("kafka:9092", environment.get("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS"), service);
            assertEquals("kafka:9092", environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"), service);
            assertEquals("${CONFERENCE_PUBLIC_BASE_URL:-http://localhost:8080}", environment.get("CONFERENCE_PUBLIC_BASE_URL"), service);
            Map<String, Object> dependsOn = (Map<String, Object>) services.get(service).get("depends_on");
            assertTrue(dependsOn.keySet().containsAll(Set.of("kafka", "mongodb")), service + " depends on " + dependsOn.keySet());
        }
        // One secret for the gateway that signs staff tokens and every service that verifies them.
        Set<Object> secrets = new HashSet<>();
        for (String service : APPLICATION_SERVICES.keySet()) {
            Object secret = ((Map<String, Object>) services.get(service).get("environment")).get("CONFERENCE_STAFF_TOKEN_SECRET");
            assertNotNull(secret, service + " has no CONFERENCE_STAFF_TOKEN_SECRET");
            secrets.add(secret);
        }
        assertEquals(1, secrets.size(), secrets.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAHealthcheck() {
        services.forEach((name, service) -> {
            if (name.equals("jaeger")) {
                // its image has no shell or HTTP client to run a check with, and nothing depends on it
                assertFalse(services.values().stream().anyMatch(s -> s.get("depends_on") instanceof Map<?, ?> d
                        && d.containsKey("jaeger")), "nothing may wait for jaeger's health");
                return;
            }
            Object healthcheck = service.get("healthcheck");
            assertInstanceOf(Map.class, healthcheck, name + " has no healthcheck");
            assertNotNull(((Map<String, Object>) healthcheck).get("test"), name + " healthcheck has no test");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDependencyWaitsForHealth() {
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            if (!(dependsOn instanceof Map)) {
                fail(name + ": depends_on must be a map with condition: service_healthy, not " + dependsOn);
            }
            ((Map<String, Object>) dependsOn).forEach((dependency, options) -> {
                assertTrue(services.containsKey(dependency), name + " depends on unknown " + dependency);
                assertInstanceOf(Map.class, options, name + " -> " + dependency);
                assertEquals("service_healthy", ((Map<String, Object>) options).get("condition"), name + " -> " + dependency);
            });
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void applicationServicesAreBuiltFromTheirModuleAndNamedAfterIt() throws IOException {
        for (Map.Entry<String, String> app : APPLICATION_SERVICES.entrySet()) {
            String name = app.getKey();
            Map<String, Object> service = services.get(name);
            assertNotNull(service, name);
            Object build = service.get("build");
            String context = build instanceof Map ? (String) ((Map<String, Object>) build).get("context") : (String) build;
            assertNotNull(context, name + " has no build");
            Path dir = COMPOSE.getParent().resolve(context).normalize();
            Path dockerfile = dir.resolve("Dockerfile");
            assertTrue(Files.isRegularFile(dockerfile), name + ": no Dockerfile in " + dir);
            assertEquals("efus-conference/" + name + ":${IMAGE_TAG:-0.1.0-SNAPSHOT}", service.get("image"), name + " image");

            String text = Files.readString(dockerfile);
            assertTrue(text.contains("FROM eclipse-temurin:17-jre"), dockerfile.toString());
            assertTrue(text.contains("target/" + name + ".jar"), dockerfile + " copies the module jar");
            assertTrue(text.contains("\nUSER ") && !text.contains("\nUSER root"), dockerfile + " runs as non-root");
            assertTrue(text.contains("EXPOSE " + app.getValue()), dockerfile + " exposes " + app.getValue());

            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertEquals(app.getValue(), String.valueOf(environment.get("SERVER_PORT")), name + " SERVER_PORT");
            String check = String.valueOf(((Map<String, Object>) service.get("healthcheck")).get("test"));
            assertTrue(check.contains("/actuator/health/readiness"), name + " healthcheck uses readiness");
            // the services behind the gateway are restarted like run.sh restarts them; the gateway is always up
            assertEquals(ROUTED_SERVICES.contains(name) ? "on-failure" : "unless-stopped", service.get("restart"),
                    name + " restart");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesBehindTheGatewayCanRunSeveralReplicas() throws IOException {
        String text = Files.readString(COMPOSE);
        for (String name : ROUTED_SERVICES) {
            Map<String, Object> service = services.get(name);
            // a fixed container name or host port would make "--scale name=2" fail on the second container
            assertFalse(service.containsKey("container_name"), name + " has a container_name");
            assertFalse(service.containsKey("ports"), name + " publishes a host port");
            Object deploy = service.get("deploy");
            assertInstanceOf(Map.class, deploy, name + " has no deploy:");
            assertEquals("${REPLICAS:-1}", ((Map<String, Object>) deploy).get("replicas"), name + " deploy.replicas");
        }
        assertTrue(text.contains("--scale registration-service="), "the file says how to scale");
    }

    @Test
    void composeItselfAcceptsTheFileWithReplicas() throws Exception {
        // Only where docker-compose (1.29, Debian's package) is installed; the structural checks above run everywhere.
        Path binary = Stream.of("/usr/bin/docker-compose", "/usr/local/bin/docker-compose").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(binary != null, "docker-compose is not installed");
        for (String replicas : List.of("1", "3")) {
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-f", COMPOSE.toString(),
                    "-f", COMPOSE.resolveSibling("docker-compose.demo.yml").toString(), "config")
                    .redirectErrorStream(true);
            builder.environment().put("REPLICAS", replicas);
            Process process = builder.start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "docker-compose config did not finish");
            assertEquals(0, process.exitValue(), printed);
            assertEquals(ROUTED_SERVICES.size(), printed.lines().filter(l -> l.trim().equals("replicas: " + replicas)).count(),
                    printed);
        }
    }

    @Test
    void onlyTheGatewayAndTheMailInboxArePublished() {
        Set<String> published = new TreeSet<>();
        services.forEach((name, service) -> {
            Object ports = service.get("ports");
            if (ports instanceof List<?> list && !list.isEmpty()) {
                published.add(name);
            }
        });
        assertEquals(new TreeSet<>(Set.of("gateway", "mailpit", "jaeger")), published);
        assertEquals(List.of("8080:8080"), services.get("gateway").get("ports"), "the gateway's actuator port stays inside");
    }

    @Test
    void everyImageHasATagAndKafkaMatchesTheClient() {
        services.forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            int colon = image.lastIndexOf(':');
            assertTrue(colon > 0 && !image.endsWith(":latest"), name + " image " + image + " has no fixed tag");
        });
        String kafkaClient = org.apache.kafka.common.utils.AppInfoParser.getVersion();
        assertEquals("apache/kafka:" + kafkaClient, services.get("kafka").get("image"), "the broker release of the client");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyContainerHasAMemoryLimitAndTheJvmsLeaveTimeToStop() {
        services.forEach((name, service) -> {
            Map<String, Object> deploy = (Map<String, Object>) service.get("deploy");
            assertNotNull(deploy, name + " has no deploy:");
            Map<String, Object> limits = (Map<String, Object>) ((Map<String, Object>) deploy.get("resources")).get("limits");
            assertTrue(String.valueOf(limits.get("memory")).matches("\\d+[MG]"), name + " memory limit " + limits);
        });
        for (String name : APPLICATION_SERVICES.keySet()) {
            // Spring's graceful shutdown waits up to 30 s (spring.lifecycle.timeout-per-shutdown-phase default)
            assertEquals("45s", services.get(name).get("stop_grace_period"), name);
        }
    }

    /** The line of .env.example after which come the variables of Compose itself, not settings of the services. */
    private static final String COMPOSE_ONLY = "# ---- Compose only";

    @Test
    @SuppressWarnings("unchecked")
    void oneNamePerSettingAndEveryOneIsInTheEnvExampleOrMarkedComposeOnly() throws IOException {
        String text = Files.readString(COMPOSE);
        assertFalse(text.contains("${STAFF_TOKEN_SECRET"), "the secret has one name: CONFERENCE_STAFF_TOKEN_SECRET");
        String example = Files.readString(COMPOSE.resolveSibling(".env.example"));
        int split = example.indexOf(COMPOSE_ONLY);
        assertTrue(split > 0, ".env.example has its part '" + COMPOSE_ONLY + "'");
        Set<String> settings = assignedNames(example.substring(0, split));
        Set<String> composeOnly = assignedNames(example.substring(split));

        Set<String> serviceEnvironment = serviceEnvironmentNames();
        for (Path file : List.of(COMPOSE, COMPOSE.resolveSibling("docker-compose.demo.yml"))) {
            Set<String> missing = new TreeSet<>();
            Set<String> misfiled = new TreeSet<>();
            for (String variable : interpolated(Files.readString(file))) {
                if (!settings.contains(variable) && !composeOnly.contains(variable)) {
                    missing.add(variable);
                }
                // a setting a service reads goes by the service's own name, never by a Compose-only one
                if (composeOnly.contains(variable) && serviceEnvironment.contains(variable)) {
                    misfiled.add(variable);
                }
            }
            assertTrue(missing.isEmpty(), file + ": .env.example lacks " + missing);
            assertTrue(misfiled.isEmpty(), file + ": settings of the services marked Compose-only: " + misfiled);
        }
        Set<String> unused = new TreeSet<>(settings);
        unused.removeAll(serviceEnvironment);
        assertTrue(unused.isEmpty(), ".env.example settings no service is given: " + unused);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLaunchersSettingsOfTheServicesGoByTheNamesComposeAndTheJarsUse() throws IOException {
        String base = Files.readString(COMPOSE);
        String demo = Files.readString(COMPOSE.resolveSibling("docker-compose.demo.yml"));
        String example = Files.readString(COMPOSE.resolveSibling(".env.example"));
        Set<String> serviceEnvironment = serviceEnvironmentNames();
        for (String setting : StackConfig.SERVICE_SETTINGS) {
            assertTrue(serviceEnvironment.contains(setting), setting + " is given to a service by Compose under that name");
        }
        for (ServiceSpec.DemoSetting setting : ServiceSpec.DEMO_SETTINGS) {
            assertTrue(demo.contains(setting.variable() + ":"), setting.variable() + " has its demo value in the demo override");
            assertTrue(demo.contains(setting.value()), setting.variable() + ": the same demo value as ./run.sh's");
            assertFalse(base.contains(setting.variable() + ": " + setting.value())
                    || base.contains(setting.variable() + ":-" + setting.value()), "no demo value in the base file: " + setting);
        }
        assertFalse((base + demo + example).contains("${PUBLIC_BASE_URL") || example.contains("\nPUBLIC_BASE_URL="),
                "the launcher's former name of CONFERENCE_PUBLIC_BASE_URL is not used");
        Map<String, Object> demoRoot;
        try (Reader reader = Files.newBufferedReader(COMPOSE.resolveSibling("docker-compose.demo.yml"))) {
            demoRoot = new Yaml().load(reader);
        }
        Map<String, Object> registration = ((Map<String, Map<String, Object>>) demoRoot.get("services")).get("registration-service");
        assertEquals("true", String.valueOf(((Map<String, Object>) registration.get("environment")).get("CONFERENCE_DEMO_DATA")),
                "the demo override loads the demo programme, as ./run.sh does");
        assertFalse(base.contains("CONFERENCE_DEMO_DATA"), "a deployment starts without the demo programme");
    }

    @Test
    void theJvmsLeaveRoomOutsideTheHeapAndTheGatewaySeesAScaledServiceWithinASecond() throws IOException {
        java.util.regex.Pattern percentage = java.util.regex.Pattern.compile("-XX:MaxRAMPercentage=(\\d+)");
        for (String name : APPLICATION_SERVICES.keySet()) {
            Path dockerfile = COMPOSE.resolveSibling(name).resolve("Dockerfile");
            String entrypoint = Files.readAllLines(dockerfile).stream().filter(l -> l.startsWith("ENTRYPOINT")).findFirst()
                    .orElseThrow(() -> new AssertionError(dockerfile + " has no ENTRYPOINT"));
            java.util.regex.Matcher heap = percentage.matcher(entrypoint);
            assertTrue(heap.find(), dockerfile + " sizes the heap to the container: " + entrypoint);
            // 512 MB containers: metaspace (~100 MB), code cache and thread stacks need about 200 MB beside the heap
            assertTrue(Integer.parseInt(heap.group(1)) <= 60 || entrypoint.contains("-XX:MaxMetaspaceSize="),
                    dockerfile + ": the heap leaves too little of 512 MB: " + entrypoint);
            assertEquals(name.equals("gateway"), entrypoint.contains("\"-Dsun.net.inetaddr.ttl=1\""),
                    dockerfile + ": the gateway (only) caches DNS answers for 1 s: " + entrypoint);
            assertFalse(entrypoint.contains("networkaddress.cache.ttl"),
                    "a security property, which the JVM ignores as a system property: " + entrypoint);
        }
    }

    /** The environment variables Compose gives the containers, in the base file and the demo override. */
    @SuppressWarnings("unchecked")
    private static Set<String> serviceEnvironmentNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : List.of(COMPOSE, COMPOSE.resolveSibling("docker-compose.demo.yml"))) {
            Map<String, Object> root;
            try (Reader reader = Files.newBufferedReader(file)) {
                root = new Yaml().load(reader);
            }
            ((Map<String, Map<String, Object>>) root.get("services")).forEach((name, service) -> {
                if (service.get("environment") instanceof Map<?, ?> environment) {
                    environment.keySet().forEach(key -> names.add(String.valueOf(key)));
                }
            });
        }
        return names;
    }

    /** The variables a Compose file interpolates: {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-x}}. */
    private static Set<String> interpolated(String text) {
        java.util.regex.Matcher variables = java.util.regex.Pattern.compile("(?<!\\$)\\$\\{([A-Z_]+)[:}-]").matcher(text);
        Set<String> names = new TreeSet<>();
        while (variables.find()) {
            names.add(variables.group(1));
        }
        return names;
    }

    /** The names assigned in an env file ({@code NAME=value} lines). */
    private static Set<String> assignedNames(String text) {
        Set<String> names = new TreeSet<>();
        text.lines().filter(l -> l.matches("[A-Z_]+=.*")).forEach(l -> names.add(l.substring(0, l.indexOf('='))));
        return names;
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffAccountsComeFromTheDeploymentAndDemoOnesOnlyFromTheDemoOverride() throws IOException {
        String base = Files.readString(COMPOSE);
        assertFalse(base.contains("{bcrypt}") || base.contains("demo-only"), "no demo account or secret in the base file");
        Map<String, Object> gateway = services.get("gateway");
        assertEquals("/run/secrets/staff-accounts",
                ((Map<String, Object>) gateway.get("environment")).get("CONFERENCE_STAFF_ACCOUNTS_FILE"));
        assertEquals(List.of("staff-accounts"), gateway.get("secrets"));
        Map<String, Object> demo;
        try (Reader reader = Files.newBufferedReader(COMPOSE.resolveSibling("docker-compose.demo.yml"))) {
            demo = new Yaml().load(reader);
        }
        Map<String, Object> secret = (Map<String, Object>) ((Map<String, Object>) demo.get("secrets")).get("staff-accounts");
        Path demoAccounts = COMPOSE.resolveSibling(String.valueOf(secret.get("file")));
        assertTrue(Files.readString(demoAccounts).contains("DEMO ACCOUNTS ONLY"), demoAccounts.toString());
        assertTrue(Files.readString(COMPOSE.resolveSibling(".gitignore")).contains("deploy/staff-accounts.yml"),
                "the real accounts file is never committed");
    }
}
