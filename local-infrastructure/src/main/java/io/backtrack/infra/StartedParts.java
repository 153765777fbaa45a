package io.backtrack.infra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a launcher started, stopped in the reverse order; a part that fails to stop does not keep the others running. */
public final class StartedParts implements AutoCloseable {

    private final List<AutoCloseable> parts = new ArrayList<>();

    public synchronized <T extends AutoCloseable> T add(T part) {
        parts.add(part);
        return part;
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> reverse = new ArrayList<>(parts);
        Collections.reverse(reverse);
        for (AutoCloseable part : reverse) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        parts.clear();
    }
}
