package io.backtrack.infra;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;

/**
 * Stops a server we started when this JVM ends, however it ends (kill -9 included): a shell blocks
 * reading a pipe only this JVM writes to, and signals the server once the pipe closes.
 */
final class OrphanGuard implements AutoCloseable {

    private final Process watcher;

    private OrphanGuard(Process watcher) {
        this.watcher = watcher;
    }

    /** SIGINT is PostgreSQL's fast shutdown; PostgreSQL handles it whatever it inherited. */
    static OrphanGuard interruptOnExit(long pid) throws IOException {
        return signalOnExit("INT", pid);
    }

    /**
     * SIGTERM, for a JVM: its graceful shutdown. Not SIGINT: a JVM started from a shell's background
     * job inherits SIGINT ignored, passes that on to the processes it starts, and they never stop.
     */
    static OrphanGuard terminateOnExit(long pid) throws IOException {
        return signalOnExit("TERM", pid);
    }

    private static OrphanGuard signalOnExit(String signal, long pid) throws IOException {
        return new OrphanGuard(new ProcessBuilder("sh", "-c", "read -r line; kill -" + signal + " " + pid)
                .redirectOutput(Redirect.DISCARD)
                .redirectError(Redirect.DISCARD)
                .start());
    }

    /** For when the owner stops the server itself: the watcher dies without signalling anything. */
    @Override
    public void close() throws IOException {
        watcher.destroyForcibly();
        watcher.getOutputStream().close();
    }
}
