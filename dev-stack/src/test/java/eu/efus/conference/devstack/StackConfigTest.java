package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackConfigTest {

    private static final Path CWD = Path.of("/work/repo");
    private static final String[] NO_ARGS = {};

    @Test
    void defaults() {
        StackConfig config = StackConfig.from(Map.of(), NO_ARGS, CWD);

        assertEquals(Path.of("/work/repo"), config.repoRoot());
        assertEquals(Path.of("/work/repo/.data"), config.dataDir());
        assertEquals(Path.of("/work/repo/.data/logs"), config.logsDir());
        assertFalse(config.infraOnly());
        for (Port port : Port.values()) {
            assertEquals(port.defaultPort(), config.port(port), port.name());
        }
        assertEquals(8080, config.port(Port.GATEWAY));
        assertEquals(9093, config.port(Port.KAFKA_CONTROLLER));
        assertEquals("http://localhost:8080", config.publicBaseUrl());
        assertEquals(Duration.ofSeconds(240), config.startupTimeout());
        assertEquals(List.of(), config.serviceJavaOpts());
        assertEquals("localhost:9092", config.kafkaBootstrap());
        assertEquals("mongodb://localhost:27017/registration", config.mongoUri("registration"));
        assertEquals(Path.of("/work/repo/gateway/target/gateway.jar"), config.jarOf("gateway"));
        assertEquals(1, config.replicas());
        for (Port port : Port.values()) {
            assertEquals(List.of(port.defaultPort()), config.instancePorts(port), port.name());
        }
    }

    @Test
    void replicasStepTheServicePortsByTenAndLeaveTheRestAlone() {
        StackConfig config = StackConfig.from(Map.of("REPLICAS", "3"), NO_ARGS, CWD);

        assertEquals(3, config.replicas());
        assertEquals(List.of(8081, 8091, 8101), config.instancePorts(Port.REGISTRATION));
        assertEquals(List.of(8082, 8092, 8102), config.instancePorts(Port.ACCREDITATION));
        assertEquals(List.of(8083, 8093, 8103), config.instancePorts(Port.NOTIFICATION));
        assertEquals(List.of(8080), config.instancePorts(Port.GATEWAY), "the gateway stays one instance");
        assertEquals(List.of(9092), config.instancePorts(Port.KAFKA));
        assertEquals(8081, config.port(Port.REGISTRATION), "port() is the first instance's");

        StackConfig moved = StackConfig.from(Map.of("REPLICAS", "2", "REGISTRATION_PORT", "18081"), NO_ARGS, CWD);
        assertEquals(List.of(18081, 18091), moved.instancePorts(Port.REGISTRATION));
    }

    @Test
    void anInstancePortThatClashesIsSkipped() {
        // ACCREDITATION_PORT sits where registration-service#2 would go, and MAIL_WEB_PORT where notification#2 would
        StackConfig config = StackConfig.from(
                Map.of("REPLICAS", "2", "ACCREDITATION_PORT", "8091", "MAIL_WEB_PORT", "8093"), NO_ARGS, CWD);

        assertEquals(List.of(8081, 8101), config.instancePorts(Port.REGISTRATION));
        assertEquals(List.of(8091, 8111), config.instancePorts(Port.ACCREDITATION), "8101 is registration#2's");
        assertEquals(List.of(8083, 8103), config.instancePorts(Port.NOTIFICATION));
        List<Integer> all = new java.util.ArrayList<>();
        for (Port port : Port.values()) {
            all.addAll(config.instancePorts(port));
        }
        assertEquals(all.size(), new java.util.HashSet<>(all).size(), "every port once: " + all);
    }

    @Test
    void mailKeepDefaultsToFiveThousandAndRefusesNonsense() {
        assertEquals(5000, StackConfig.from(Map.of(), NO_ARGS, CWD).mailKeep());
        assertEquals(0, StackConfig.from(Map.of("MAIL_KEEP", "0"), NO_ARGS, CWD).mailKeep());
        assertEquals(200, StackConfig.from(Map.of("MAIL_KEEP", " 200 "), NO_ARGS, CWD).mailKeep());
        for (String bad : new String[] {"-1", "lots", "1e3"}) {
            StackConfig.ConfigException e = assertThrows(StackConfig.ConfigException.class,
                    () -> StackConfig.from(Map.of("MAIL_KEEP", bad), NO_ARGS, CWD), bad);
            assertTrue(e.getMessage().contains("MAIL_KEEP") && e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void replicasMustBeOneToEight() {
        assertEquals(8, StackConfig.from(Map.of("REPLICAS", " 8 "), NO_ARGS, CWD).replicas());
        assertEquals(1, StackConfig.from(Map.of("REPLICAS", ""), NO_ARGS, CWD).replicas());
        for (String bad : List.of("0", "9", "-1", "two", "1.5")) {
            var e = assertThrows(StackConfig.ConfigException.class,
                    () -> StackConfig.from(Map.of("REPLICAS", bad), NO_ARGS, CWD), bad);
            assertTrue(e.getMessage().contains("REPLICAS") && e.getMessage().contains("1 to 8")
                    && e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        var tooHigh = assertThrows(StackConfig.ConfigException.class,
                () -> StackConfig.from(Map.of("REPLICAS", "8", "NOTIFICATION_PORT", "65500"), NO_ARGS, CWD));
        assertTrue(tooHigh.getMessage().contains("NOTIFICATION_PORT"), tooHigh.getMessage());
    }

    @Test
    void everyPortAndPathIsOverridable() {
        Map<String, String> env = Map.ofEntries(
                Map.entry("GATEWAY_PORT", "18080"), Map.entry("REGISTRATION_PORT", "18081"),
                Map.entry("ACCREDITATION_PORT", "18082"), Map.entry("NOTIFICATION_PORT", "18083"),
                Map.entry("KAFKA_PORT", "19092"), Map.entry("KAFKA_CONTROLLER_PORT", "19093"),
                Map.entry("MONGO_PORT", "37017"), Map.entry("SMTP_PORT", "13025"), Map.entry("IMAP_PORT", "13143"),
                Map.entry("MAIL_WEB_PORT", "18025"), Map.entry("DATA_DIR", "tmp/data"),
                Map.entry("STACK_HOME", "/opt/stack"), Map.entry("STARTUP_TIMEOUT_SECONDS", "30"),
                Map.entry("SERVICE_JAVA_OPTS", "  -Xmx512m   -Dfoo=bar "), Map.entry("KAFKA_JAVA_OPTS", "-Xmx1g"));

        StackConfig config = StackConfig.from(env, NO_ARGS, CWD);

        assertEquals(18080, config.port(Port.GATEWAY));
        assertEquals(18081, config.port(Port.REGISTRATION));
        assertEquals(18082, config.port(Port.ACCREDITATION));
        assertEquals(18083, config.port(Port.NOTIFICATION));
        assertEquals(19092, config.port(Port.KAFKA));
        assertEquals(19093, config.port(Port.KAFKA_CONTROLLER));
        assertEquals(37017, config.port(Port.MONGO));
        assertEquals(13025, config.port(Port.SMTP));
        assertEquals(13143, config.port(Port.IMAP));
        assertEquals(18025, config.port(Port.MAIL_WEB));
        assertEquals(Path.of("/work/repo/tmp/data"), config.dataDir(), "DATA_DIR is relative to the current dir");
        assertEquals(Path.of("/opt/stack"), config.repoRoot());
        assertEquals("http://localhost:18080", config.publicBaseUrl(), "default follows GATEWAY_PORT");
        assertEquals(Duration.ofSeconds(30), config.startupTimeout());
        assertEquals(List.of("-Xmx512m", "-Dfoo=bar"), config.serviceJavaOpts());
        assertEquals(List.of("-Xmx1g"), config.kafkaJavaOpts());
    }

    @Test
    void infraOnlyFromArgumentOrEnvironment() {
        assertTrue(StackConfig.from(Map.of(), new String[] {"--infra-only"}, CWD).infraOnly());
        assertTrue(StackConfig.from(Map.of("INFRA_ONLY", "true"), NO_ARGS, CWD).infraOnly());
        assertTrue(StackConfig.from(Map.of("INFRA_ONLY", "1"), NO_ARGS, CWD).infraOnly());
        assertFalse(StackConfig.from(Map.of("INFRA_ONLY", "false"), NO_ARGS, CWD).infraOnly());
    }

    @Test
    void publicBaseUrlIsTakenAsIsWithoutTrailingSlash() {
        StackConfig config = StackConfig.from(Map.of("CONFERENCE_PUBLIC_BASE_URL", "https://conf.example.org/"), NO_ARGS, CWD);
        assertEquals("https://conf.example.org", config.publicBaseUrl());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void theFormerNameOfThePublicUrlStillWorksWithAWarningAndNeverWinsOverTheSettingsOneName() {
        StackConfig old = StackConfig.from(Map.of("PUBLIC_BASE_URL", "https://old.example.org"), NO_ARGS, CWD);
        assertEquals("https://old.example.org", old.publicBaseUrl());
        assertEquals(1, old.warnings().size());
        assertTrue(old.warnings().get(0).contains("deprecated") && old.warnings().get(0).contains("CONFERENCE_PUBLIC_BASE_URL"),
                old.warnings().toString());

        StackConfig both = StackConfig.from(Map.of("PUBLIC_BASE_URL", "https://old.example.org",
                "CONFERENCE_PUBLIC_BASE_URL", "https://conf.example.org"), NO_ARGS, CWD);
        assertEquals("https://conf.example.org", both.publicBaseUrl());
        assertTrue(both.warnings().get(0).contains("PUBLIC_BASE_URL is ignored"), both.warnings().toString());
    }

    @Test
    void badValuesAreReportedWithTheVariableName() {
        var notANumber = assertThrows(StackConfig.ConfigException.class,
                () -> StackConfig.from(Map.of("MONGO_PORT", "mongo"), NO_ARGS, CWD));
        assertTrue(notANumber.getMessage().contains("MONGO_PORT"), notANumber.getMessage());

        var outOfRange = assertThrows(StackConfig.ConfigException.class,
                () -> StackConfig.from(Map.of("SMTP_PORT", "70000"), NO_ARGS, CWD));
        assertTrue(outOfRange.getMessage().contains("SMTP_PORT"), outOfRange.getMessage());

        var timeout = assertThrows(StackConfig.ConfigException.class,
                () -> StackConfig.from(Map.of("STARTUP_TIMEOUT_SECONDS", "0"), NO_ARGS, CWD));
        assertTrue(timeout.getMessage().contains("STARTUP_TIMEOUT_SECONDS"), timeout.getMessage());

        var url = assertThrows(StackConfig.ConfigException.class,
                () -> StackConfig.from(Map.of("CONFERENCE_PUBLIC_BASE_URL", "localhost:8080"), NO_ARGS, CWD));
        assertTrue(url.getMessage().startsWith("CONFERENCE_PUBLIC_BASE_URL "), url.getMessage());
    }

    @Test
    void thePortUsedTwiceIsRefused() {
        var clash = assertThrows(StackConfig.ConfigException.class,
                () -> StackConfig.from(Map.of("MAIL_WEB_PORT", "8080"), NO_ARGS, CWD));
        assertTrue(clash.getMessage().contains("GATEWAY_PORT") && clash.getMessage().contains("MAIL_WEB_PORT"),
                clash.getMessage());
    }

    @Test
    void unknownArgumentsAndHelp() {
        var unknown = assertThrows(StackConfig.ConfigException.class,
                () -> StackConfig.from(Map.of(), new String[] {"--infra"}, CWD));
        assertTrue(unknown.getMessage().contains("--infra"));
        assertThrows(StackConfig.HelpRequested.class, () -> StackConfig.from(Map.of(), new String[] {"--help"}, CWD));
    }
}
