package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aListeningPortIsTakenAndNamedWithItsVariable() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = busy.getLocalPort();
            assertFalse(PortCheck.isFree(port));

            StackConfig config = StackConfig.from(Map.of("MONGO_PORT", Integer.toString(port)), new String[0], Path.of("."));
            List<String> problems = PortCheck.problems(config, List.of(Port.MONGO));
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).contains(Integer.toString(port)), problems.get(0));
            assertTrue(problems.get(0).contains("MONGO_PORT"), problems.get(0));
        }
    }

    @Test
    void aTakenInstancePortNamesTheInstanceAndTheBaseVariable() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = busy.getLocalPort();
            int base = taken - StackConfig.PORT_STEP;
            StackConfig config = StackConfig.from(Map.of("REPLICAS", "2", "REGISTRATION_PORT", Integer.toString(base)),
                    new String[0], Path.of("."));
            assertEquals(List.of(base, taken), config.instancePorts(Port.REGISTRATION));
            List<String> problems = PortCheck.problems(config, List.of(Port.REGISTRATION));
            assertTrue(problems.stream().anyMatch(p -> p.contains("Port " + taken + " (registration-service instance 2 of"
                    + " REPLICAS=2)") && p.contains("REGISTRATION_PORT=")), problems.toString());
        }
    }

    @Test
    void aClosedPortIsFree() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertTrue(PortCheck.isFree(port));
    }
}
