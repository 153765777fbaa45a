package io.backtrack.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A consumer's cheap way to apply the events it sees most, with the SQL client in the transaction
 * that records the event as processed, where applying them through Hibernate costs too much
 * (docs/performance.md). Anything it does not apply goes to the consumer's {@link EventHandler}.
 */
public interface RoutineEvents {

    /** No event is routine: every one goes to the handler. */
    RoutineEvents NONE = new RoutineEvents() {
        @Override
        public boolean mayBeRoutine(ReceivedEvent event) {
            return false;
        }

        @Override
        public Uni<Boolean> apply(SqlConnection connection, ReceivedEvent event) {
            return Uni.createFrom().item(false);
        }
    };

    /** Whether the event on its own looks routine; only these are tried. */
    boolean mayBeRoutine(ReceivedEvent event);

    /**
     * Applies a routine event in the connection's transaction; false when what the service knows
     * makes it not routine after all, and then everything this transaction wrote is rolled back.
     * Its statements go out pipelined behind the claim of the event's id, before the claim's answer
     * is known: when the event turns out to be applied already, the transaction is rolled back too.
     */
    Uni<Boolean> apply(SqlConnection connection, ReceivedEvent event);
}
