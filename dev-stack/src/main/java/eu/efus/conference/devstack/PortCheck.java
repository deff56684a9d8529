package eu.efus.conference.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Checks that the ports the stack needs are free before anything is started. */
public final class PortCheck {

    private PortCheck() {
    }

    /** True if nothing listens on {@code port} and it can be bound on all interfaces. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // SO_REUSEADDR: connections of a previous run in TIME_WAIT must not count as "taken"
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress((InetAddress) null, port));
        } catch (IOException e) {
            return false;
        }
        // something may listen on the IPv6 loopback only; a quick connect finds it
        for (String host : new String[] {"127.0.0.1", "::1"}) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                return false;
            } catch (IOException expected) {
                // nothing there
            }
        }
        return true;
    }

    /**
     * One line per taken port, naming the port, what it is for and the variable that moves it. For a replicated
     * service every instance's port is checked; the variable that moves them is the base port's.
     */
    public static List<String> problems(StackConfig config, Collection<Port> needed) {
        List<String> problems = new ArrayList<>();
        for (Port port : needed) {
            List<Integer> numbers = config.instancePorts(port);
            for (int i = 0; i < numbers.size(); i++) {
                int number = numbers.get(i);
                if (isFree(number)) {
                    continue;
                }
                String what = numbers.size() == 1 ? port.label()
                        : port.label() + " instance " + (i + 1) + " of REPLICAS=" + numbers.size();
                String move = i == 0 ? port.envVar() + "=" + suggestion(number)
                        : port.envVar() + "=" + suggestion(config.port(port)) + " (its instances follow in steps of "
                                + StackConfig.PORT_STEP + "), or fewer REPLICAS";
                problems.add("Port " + number + " (" + what + ") is already in use. Stop what uses it (see: ss -ltnp"
                        + " | grep :" + number + ") or pick another port, e.g. " + move + ".");
            }
        }
        return problems;
    }

    private static int suggestion(int port) {
        return port + 10000 <= 65535 ? port + 10000 : port - 10000;
    }
}
