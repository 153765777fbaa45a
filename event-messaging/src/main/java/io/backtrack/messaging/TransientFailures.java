package io.backtrack.messaging;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;

/** Failures that go away when PostgreSQL is back: retried for as long as it takes, never dead-lettered. */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof VertxException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null && isTransientState(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    /** Connection (08), resources (53), operator intervention (57, e.g. shutdown) and serialization (40). */
    private static boolean isTransientState(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("40");
    }
}
