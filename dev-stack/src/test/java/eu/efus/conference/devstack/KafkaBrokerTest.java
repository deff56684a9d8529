package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void serverPropertiesForKraftCombinedMode() throws Exception {
        StackConfig config = StackConfig.from(Map.of("KAFKA_PORT", "19092", "KAFKA_CONTROLLER_PORT", "19093"),
                new String[0], Path.of("/tmp/x"));
        Properties props = new Properties();
        props.load(new StringReader(KafkaBroker.serverProperties(config, Path.of("/tmp/x/.data/kafka/data"))));

        assertEquals("broker,controller", props.getProperty("process.roles"));
        assertEquals("1", props.getProperty("node.id"));
        assertEquals("1@localhost:19093", props.getProperty("controller.quorum.voters"));
        assertEquals("PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093", props.getProperty("listeners"));
        assertEquals("PLAINTEXT://localhost:19092", props.getProperty("advertised.listeners"));
        assertEquals("CONTROLLER", props.getProperty("controller.listener.names"));
        assertEquals("/tmp/x/.data/kafka/data", props.getProperty("log.dirs"));
        assertEquals("3", props.getProperty("num.partitions"));
        assertEquals("0", props.getProperty("group.initial.rebalance.delay.ms"));
        assertEquals("true", props.getProperty("auto.create.topics.enable"));
        for (String key : new String[] {"default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor", "transaction.state.log.min.isr",
                "share.coordinator.state.topic.replication.factor"}) {
            assertEquals("1", props.getProperty(key), key);
        }
    }

    @Test
    void childClassPathIsAbsolute() {
        for (String entry : KafkaBroker.absoluteClassPath().split(java.io.File.pathSeparator)) {
            assertTrue(Path.of(entry).isAbsolute(), entry);
        }
    }
}
