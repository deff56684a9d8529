package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSpecTest {

    @TempDir
    Path repo;

    private StackConfig config(Map<String, String> env) {
        return StackConfig.from(env, new String[0], repo);
    }

    private static ServiceSpec spec(String module) {
        return ServiceSpec.ALL.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow();
    }

    private void jar(String module) throws IOException {
        Path jar = repo.resolve(module).resolve("target").resolve(module + ".jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {1});
    }

    @Test
    void registrationServiceArguments() {
        StackConfig config = config(Map.of());
        assertEquals(List.of(
                "--server.port=8081",
                "--conference.public-base-url=http://localhost:8080",
                "--spring.mongodb.uri=mongodb://localhost:27017/registration",
                "--spring.cloud.stream.kafka.binder.brokers=localhost:9092",
                "--spring.kafka.bootstrap-servers=localhost:9092",
                "--conference.staff-token.secret=demo-only-staff-token-secret-change-me-0123456789",
                "--conference.checkin.secret=demo-only-checkin-secret-change-me-0123456789abcdef",
                "--conference.demo-data=true"),
                spec("registration-service").arguments(config, ServiceSpec.ALL));
    }

    @Test
    void theSecretsAndTheDemoProgrammeTheEnvironmentGivesAreLeftToItTheOthersAreTheMarkedDemoValues() {
        StackConfig config = config(Map.of("CONFERENCE_STAFF_TOKEN_SECRET", "a-secret-of-this-deployment-0123456789",
                "CONFERENCE_DEMO_DATA", "false"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            List<String> args = spec.arguments(config, ServiceSpec.ALL);
            // inherited from the launcher's environment: never on the command line, which would override it
            assertTrue(args.stream().noneMatch(a -> a.startsWith("--conference.staff-token.secret")
                    || a.startsWith("--conference.demo-data") || a.contains("a-secret-of-this-deployment")), args.toString());
        }
        assertTrue(spec("registration-service").arguments(config, ServiceSpec.ALL)
                .contains("--conference.checkin.secret=demo-only-checkin-secret-change-me-0123456789abcdef"));
        assertTrue(spec("accreditation-service").arguments(config, ServiceSpec.ALL).stream()
                .noneMatch(a -> a.startsWith("--conference.checkin.secret")), "the check-in secret is registration's alone");
        for (ServiceSpec.DemoSetting setting : ServiceSpec.DEMO_SETTINGS) {
            assertTrue(StackConfig.SERVICE_SETTINGS.contains(setting.variable()), setting.variable());
            assertTrue(setting.property().replace(".", "_").replace("-", "_").toUpperCase(java.util.Locale.ROOT)
                    .equals(setting.variable()), setting + ": the variable is the property's environment name");
        }
        assertTrue(ServiceSpec.DEMO_STAFF_TOKEN_SECRET.value().startsWith("demo-only-")
                && ServiceSpec.DEMO_CHECKIN_SECRET.value().startsWith("demo-only-"), "demo secrets say so");
    }

    @Test
    void notificationServiceGetsMailAndItsOwnDatabase() {
        StackConfig config = config(Map.of("SMTP_PORT", "2525", "MONGO_PORT", "27018", "CONFERENCE_PUBLIC_BASE_URL", "https://x.org"));
        List<String> args = spec("notification-service").arguments(config, ServiceSpec.ALL);
        assertTrue(args.contains("--server.port=8083"));
        assertTrue(args.contains("--conference.public-base-url=https://x.org"));
        assertTrue(args.contains("--spring.mongodb.uri=mongodb://localhost:27018/notification"));
        assertTrue(args.contains("--spring.mail.host=localhost"));
        assertTrue(args.contains("--spring.mail.port=2525"));
    }

    @Test
    void gatewayRoutesToEveryRoutedService() {
        StackConfig config = config(Map.of());
        List<ServiceSpec> started = ServiceSpec.selected(config);
        assertEquals(gatewayArguments(
                "--conference.routes.registration=http://localhost:8081",
                "--conference.routes.accreditation=http://localhost:8082",
                "--conference.routes.notification=http://localhost:8083"),
                spec("gateway").arguments(config, started));
    }

    /** The gateway's fixed arguments (port, public URL, actuator port, demo accounts), then {@code routes}. */
    private static List<String> gatewayArguments(String... routes) {
        List<String> expected = new java.util.ArrayList<>(List.of(
                "--server.port=8080",
                "--conference.public-base-url=http://localhost:8080",
                "--management.server.port=8079"));
        expected.addAll(ServiceSpec.DEMO_STAFF_ACCOUNTS);
        expected.add("--conference.staff-token.secret=demo-only-staff-token-secret-change-me-0123456789");
        expected.addAll(List.of(routes));
        return expected;
    }

    @Test
    void theGatewayActuatorHasItsOwnPortWhichIsWhereItsReadinessIsProbed() {
        StackConfig config = config(Map.of("GATEWAY_MANAGEMENT_PORT", "9079"));
        assertTrue(spec("gateway").arguments(config, ServiceSpec.ALL).contains("--management.server.port=9079"));
        assertEquals(9079, spec("gateway").healthPort(config, 8080));
        assertEquals(8081, spec("registration-service").healthPort(config, 8081));
        assertTrue(spec("registration-service").arguments(config, ServiceSpec.ALL).stream()
                .noneMatch(a -> a.startsWith("--management.server.port") || a.startsWith("--conference.staff.accounts")),
                "the services keep their actuator on their own (non-public) port and have no staff accounts");
    }

    @Test
    void onlyTheEmbeddedStacksGatewayGetsTheDocumentedDemoAccountsAsBcryptHashes() {
        List<String> args = spec("gateway").arguments(config(Map.of()), ServiceSpec.ALL);
        assertTrue(args.contains("--conference.staff.accounts[0].username=organizer"));
        assertTrue(args.contains("--conference.staff.accounts[1].username=press-officer"));
        assertTrue(args.contains("--conference.staff.accounts[2].username=checkin"));
        assertTrue(args.contains("--conference.staff.accounts[2].roles=CHECK_IN"));
        assertEquals(3, args.stream().filter(a -> a.contains("password-hash=")).count());
        assertTrue(args.stream().filter(a -> a.contains("password-hash=")).allMatch(a -> a.contains("={bcrypt}$2a$10$")));
        assertTrue(args.stream().noneMatch(a -> a.contains("demo-organizer") || a.contains("demo-press")
                        || a.contains("demo-checkin")),
                "never a plain password");
    }

    @Test
    void withReplicasTheGatewayGetsEveryInstanceInOnePropertyPerService() {
        StackConfig config = config(Map.of("REPLICAS", "2"));
        assertEquals(gatewayArguments(
                "--conference.routes.registration=http://localhost:8081,http://localhost:8091",
                "--conference.routes.accreditation=http://localhost:8082,http://localhost:8092",
                "--conference.routes.notification=http://localhost:8083,http://localhost:8093"),
                spec("gateway").arguments(config, ServiceSpec.selected(config)));
        assertEquals(1, spec("gateway").instanceCount(config));
        assertEquals(2, spec("registration-service").instanceCount(config));
    }

    @Test
    void eachInstanceHasItsPortNameAndFiles() {
        StackConfig config = config(Map.of("REPLICAS", "2"));
        ServiceSpec registration = spec("registration-service");
        List<String> second = registration.arguments(config, ServiceSpec.ALL, 8091);
        assertEquals("--server.port=8091", second.get(0));
        assertTrue(second.contains("--spring.mongodb.uri=mongodb://localhost:27017/registration"), "one database for all");
        assertEquals("registration-service#1", registration.instanceName(1));
        assertEquals("registration-service#2", registration.instanceName(2));
        assertEquals("registration-service", registration.instanceFileStem(1), "the first keeps today's log name");
        assertEquals("registration-service-2", registration.instanceFileStem(2));
        assertEquals("gateway", spec("gateway").instanceName(1));
        assertEquals(List.of("http://localhost:8081", "http://localhost:8091"), registration.urls(config));
    }

    @Test
    void accreditationServiceGetsItsOwnDatabaseKafkaAndThePublicUrlButNoMail() {
        StackConfig config = config(Map.of("ACCREDITATION_PORT", "9082", "CONFERENCE_PUBLIC_BASE_URL", "https://press.example.org/"));
        assertEquals(List.of(
                "--server.port=9082",
                "--conference.public-base-url=https://press.example.org",
                "--spring.mongodb.uri=mongodb://localhost:27017/accreditation",
                "--spring.cloud.stream.kafka.binder.brokers=localhost:9092",
                "--spring.kafka.bootstrap-servers=localhost:9092",
                "--conference.staff-token.secret=demo-only-staff-token-secret-change-me-0123456789"),
                spec("accreditation-service").arguments(config, ServiceSpec.ALL));
        assertTrue(spec("gateway").arguments(config, ServiceSpec.selected(config))
                .contains("--conference.routes.accreditation=http://localhost:9082"));
    }

    @Test
    void everyServiceIsSelectedEvenWithoutItsJarSoTheLauncherCanReportIt() throws IOException {
        List<String> all = List.of("registration-service", "accreditation-service", "notification-service", "gateway");
        assertEquals(all, ServiceSpec.selected(config(Map.of())).stream().map(ServiceSpec::module).toList());

        // Having only some jars changes nothing: accreditation-service is no longer skipped when its jar is missing.
        jar("registration-service");
        jar("notification-service");
        jar("gateway");
        assertEquals(all, ServiceSpec.selected(config(Map.of())).stream().map(ServiceSpec::module).toList());
    }

    @Test
    void infraOnlyStartsNoService() throws IOException {
        jar("registration-service");
        assertTrue(ServiceSpec.selected(config(Map.of("INFRA_ONLY", "true"))).isEmpty());
    }

    @Test
    void extraJvmOptionsComeAfterTheDefaults() {
        List<String> opts = spec("gateway").jvmOptions(config(Map.of("SERVICE_JAVA_OPTS", "-Xmx512m -Dx=y")));
        assertEquals(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx512m", "-Dx=y"), opts);
        assertFalse(spec("gateway").jvmOptions(config(Map.of())).contains("-Dx=y"));
    }
}
