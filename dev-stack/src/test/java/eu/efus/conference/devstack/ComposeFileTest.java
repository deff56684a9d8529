package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Structural checks of the root docker-compose.yml (no Docker needed). */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Map<String, String> APPLICATION_SERVICES = Map.of(
            "registration-service", "8081", "notification-service", "8083", "gateway", "8080");

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
                "notification-service", "gateway")), services.keySet().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAHealthcheck() {
        services.forEach((name, service) -> {
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
            assertEquals(name, service.get("image"), name + " image");

            String text = Files.readString(dockerfile);
            assertTrue(text.contains("FROM eclipse-temurin:17-jre"), dockerfile.toString());
            assertTrue(text.contains("target/" + name + ".jar"), dockerfile + " copies the module jar");
            assertTrue(text.contains("\nUSER ") && !text.contains("\nUSER root"), dockerfile + " runs as non-root");
            assertTrue(text.contains("EXPOSE " + app.getValue()), dockerfile + " exposes " + app.getValue());

            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertEquals(app.getValue(), String.valueOf(environment.get("SERVER_PORT")), name + " SERVER_PORT");
            String check = String.valueOf(((Map<String, Object>) service.get("healthcheck")).get("test"));
            assertTrue(check.contains("/actuator/health/readiness"), name + " healthcheck uses readiness");
            assertEquals("unless-stopped", service.get("restart"), name + " restart");
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
        assertEquals(new TreeSet<>(Set.of("gateway", "mailpit")), published);
    }
}
