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

    /** SIGINT is PostgreSQL's fast shutdown. */
    static OrphanGuard interruptOnExit(long pid) throws IOException {
        return new OrphanGuard(new ProcessBuilder("sh", "-c", "read -r line; kill -INT " + pid)
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
