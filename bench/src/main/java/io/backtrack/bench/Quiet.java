package io.backtrack.bench;

import io.backtrack.infra.PostgresEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Waits until the system has caught up with what came before a measurement: every outbox published
 * and no consumer applying anything for a while, so that one run's figures do not carry the
 * background work of the seeding or of the run before it.
 */
final class Quiet {

    private static final Duration STILL_FOR = Duration.ofSeconds(3);

    private Quiet() {
    }

    static void await(BenchSystem system, Duration atMost) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long last = -1;
        long stillSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long pending = 0;
            long applied = 0;
            for (String service : BenchSystem.SERVICES) {
                pending += count(system.postgres, system.database(service),
                        "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
                applied += count(system.postgres, system.database(service), "SELECT count(*) FROM processed_event");
            }
            if (pending > 0 || applied != last) {
                last = applied;
                stillSince = System.nanoTime();
            } else if (System.nanoTime() - stillSince >= STILL_FOR.toNanos()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the system did not settle within " + atMost);
    }

    private static long count(PostgresEndpoint postgres, String database, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
                Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
