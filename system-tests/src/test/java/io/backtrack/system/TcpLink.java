package io.backtrack.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between one service and its database that the test can cut: every open connection is
 * reset and new ones are refused, as when PostgreSQL restarts, until the link is restored on the
 * same port.
 */
final class TcpLink implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    TcpLink(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    int port() {
        return port;
    }

    /** Resets every connection and refuses new ones. */
    synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
    }

    /** Closes with RST, as a crashed peer would; a socket the other side already closed is left as it is. */
    private static void reset(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (IOException alreadyGone) {
            // closed meanwhile by its pump
        }
    }

    synchronized void restore() throws IOException {
        if (server.isClosed()) {
            server = listen(port);
            accept(server);
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket listening) {
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                Socket client;
                try {
                    client = listening.accept();
                } catch (IOException cut) {
                    return;
                }
                try {
                    Socket upstream = new Socket(targetHost, targetPort);
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException unreachable) {
                    reset(client);
                }
            }
        }, "tcp-link-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ended) {
                // either side closed or was reset
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-link-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
