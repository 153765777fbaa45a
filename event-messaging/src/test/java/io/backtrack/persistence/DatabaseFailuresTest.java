package io.backtrack.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

/** Database failures are recognised through the layers that wrap them, as Hibernate Reactive delivers them. */
class DatabaseFailuresTest {

    @Test
    void aUniqueViolationWrappedByHibernateReactiveIsAConstraintViolation() {
        var wrapped = new CompletionException(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key", "23505"), "plan_one_current_idx"));
        assertThat(DatabaseFailures.isConstraintViolation(wrapped)).isTrue();
        assertThat(DatabaseFailures.isTransient(wrapped)).isFalse();
    }

    @Test
    void aDeadlockOrALostConnectionIsTransientAnExceptionRaisedByATriggerIsNot() {
        assertThat(DatabaseFailures.isTransient(new LockAcquisitionException("deadlock",
                new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(DatabaseFailures.isTransient(new CompletionException(new ConnectException("refused")))).isTrue();
        assertThat(DatabaseFailures.isTransient(new PgException("injected fault", "ERROR", "P0001", null))).isFalse();
        assertThat(DatabaseFailures.isConstraintViolation(new PgException("injected fault", "ERROR", "P0001", null)))
                .isFalse();
    }

    @Test
    void aConnectionResetUnderAQueryIsTransientEvenWhenTheRollbackFailsToo() {
        var resetThenClosed = new CompositeException(new IOException("Connection reset by peer"),
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED"));
        assertThat(DatabaseFailures.isTransient(resetThenClosed)).isTrue();
        assertThat(DatabaseFailures.isTransient(new CompositeException(
                new HibernateException(new SocketException("Connection reset")), new SocketException("Connection reset"))))
                .isTrue();
        assertThat(DatabaseFailures.isTransient(new CompositeException(new IllegalStateException("a bug"),
                new IllegalArgumentException("another")))).isFalse();
    }

    @Test
    void aStaleVersionedWriteIsStaleAndTransient() {
        var stale = new CompletionException(new StaleObjectStateException("Escalation", "id"));
        assertThat(DatabaseFailures.isStaleWrite(stale)).isTrue();
        assertThat(DatabaseFailures.isTransient(stale)).isTrue();
        assertThat(DatabaseFailures.isStaleWrite(new IllegalStateException("other"))).isFalse();
    }
}
