package io.backtrack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A whole JSON POST whose connection is reset (RST, not FIN) some microseconds after it was sent, as a
 * phone that loses its network does: the server is left with a request in flight and nobody to answer.
 */
public final class AbortedRequest {

    private AbortedRequest() {
    }

    public static void post(URI uri, String bearerToken, String json, int resetAfterMicros) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAuthorization: Bearer " + bearerToken + "\r\nContent-Type: application/json\r\nContent-Length: "
                + payload.length + "\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoLinger(true, 0);
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            long until = System.nanoTime() + resetAfterMicros * 1_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach " + uri, e);
        }
    }
}
