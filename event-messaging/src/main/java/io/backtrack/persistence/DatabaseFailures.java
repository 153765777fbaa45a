package io.backtrack.persistence;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;

/**
 * Reads what a database failure means through the layers that wrap it: Hibernate Reactive turns a
 * {@link PgException} into a {@link JDBCException}, Mutiny and Vert.x wrap both again.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The SQLSTATE of the first database error in the cause chain. */
    private static Optional<String> sqlState(Throwable failure) {
        return Causes.of(failure).map(DatabaseFailures::stateOf).filter(Objects::nonNull).findFirst();
    }

    private static String stateOf(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        return t instanceof SQLException sql ? sql.getSQLState() : null;
    }

    /** An integrity constraint (class 23) refused the write: the request conflicts with stored data. */
    public static boolean isConstraintViolation(Throwable failure) {
        return sqlState(failure).filter(state -> state.startsWith("23")).isPresent();
    }

    /**
     * The database can never store what it was given, whatever the retries: a value it refuses as data
     * (class 22, e.g. a string too long for its column) or one beyond a limit of its own (class 54,
     * e.g. an index entry too large).
     */
    public static boolean isUnstorable(Throwable failure) {
        return sqlState(failure).filter(state -> state.startsWith("22") || state.startsWith("54")).isPresent();
    }

    /** A versioned row changed between our read and our write. */
    public static boolean isStaleWrite(Throwable failure) {
        return Causes.of(failure)
                .anyMatch(t -> t instanceof StaleStateException || t instanceof OptimisticLockException);
    }

    /**
     * Goes away by itself: the connection (08), resources (53), operator intervention such as a
     * shutdown (57), serialization failures and deadlocks (40), a write that lost a race, or the
     * network under the connection (refused, reset, closed while in use).
     */
    public static boolean isTransient(Throwable failure) {
        if (isStaleWrite(failure)) {
            return true;
        }
        return sqlState(failure)
                .map(s -> s.startsWith("08") || s.startsWith("53") || s.startsWith("57") || s.startsWith("40"))
                .orElseGet(() -> Causes.of(failure)
                        .anyMatch(t -> t instanceof IOException || t instanceof VertxException || isClosedConnection(t)));
    }

    /** The pg client reports a connection closed under a query as a bare Vert.x throwable, not an exception type. */
    private static boolean isClosedConnection(Throwable t) {
        return t instanceof NoStackTraceThrowable && String.valueOf(t.getMessage()).startsWith("Connection is not active");
    }
}
