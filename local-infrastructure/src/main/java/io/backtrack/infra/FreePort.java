package io.backtrack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ports for the processes this JVM starts. A port is free when asked for, but stays unbound until its
 * process starts; the kernel may offer it again meanwhile, so a port is handed out once per JVM (a
 * service given the same port for HTTP and management would never answer its readiness check).
 */
public final class FreePort {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    public static int find() {
        while (true) {
            int port = unbound();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    /**
     * The preferred port when it is free, else any free one (0 prefers nothing). A server restarted on
     * its own port gets it again; {@link #find()} never hands it to another.
     */
    public static int preferring(int port) {
        if (port <= 0) {
            return find();
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException taken) {
            return find();
        }
        HANDED_OUT.add(port);
        return port;
    }

    private static int unbound() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
