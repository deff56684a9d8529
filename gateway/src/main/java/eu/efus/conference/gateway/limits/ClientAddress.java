package eu.efus.conference.gateway.limits;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** The client's IP address as the per-client limits key it (public writes, failed staff sign-ins). */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The remote address, or with {@code trustForwardedFor} the last {@code X-Forwarded-For} entry: only the one our own
     * proxy appended can be believed, earlier entries are whatever the client claimed.
     */
    public static String of(ServerHttpRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-For");
            if (!forwarded.isEmpty()) {
                String[] hops = forwarded.get(forwarded.size() - 1).split(",");
                String last = hops[hops.length - 1].trim();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
