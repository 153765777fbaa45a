package io.backtrack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where PostgreSQL's execution time went over a window, statement by statement, from
 * pg_stat_statements (the benchmark's server loads it): the statements of the services' databases
 * that took the most. The bench's own statements in those databases count too: in the clock pass, the
 * few that watch its progress.
 */
final class StatementTimes {

    /** One statement of one service's database over the window. */
    record Timed(String service, String statement, long calls, double totalMs) {

        double meanMs() {
            return totalMs / calls;
        }
    }

    private static final String READ = """
            SELECT d.datname, s.query, s.calls, s.total_exec_time
              FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
             WHERE d.datname = ANY (?)
             ORDER BY s.total_exec_time DESC
             LIMIT ?""";
    /** How many statements the report lists. */
    static final int TOP = 10;
    private static final int LONGEST_TEXT = 110;

    private StatementTimes() {
    }

    /** The {@code top} statements over the window from {@code after} to {@code after + length} from now. */
    static CompletableFuture<List<Timed>> over(BenchSystem system, Duration after, Duration length, int top) {
        long start = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> {
            CpuTime.parkUntil(start + after.toNanos());
            reset(system);
            CpuTime.parkUntil(start + after.plus(length).toNanos());
            return read(system, top);
        }, task -> new Thread(task, "bench-statement-times").start());
    }

    /** From now on. */
    static void reset(BenchSystem system) {
        try (Connection db = system.connect("postgres"); Statement sql = db.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            sql.execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements could not be reset", e);
        }
    }

    /** The {@code top} statements since the last reset, the most execution time first. */
    static List<Timed> read(BenchSystem system, int top) {
        Map<String, String> services = new HashMap<>();
        system.services.keySet().forEach(service -> services.put(system.database(service), service));
        List<Timed> statements = new ArrayList<>();
        try (Connection db = system.connect("postgres"); PreparedStatement query = db.prepareStatement(READ)) {
            query.setArray(1, db.createArrayOf("text", services.keySet().toArray()));
            query.setInt(2, top);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statements.add(new Timed(services.get(rows.getString(1)), shortened(rows.getString(2)),
                            rows.getLong(3), rows.getDouble(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements could not be read", e);
        }
        return statements;
    }

    /** On one line, cut short, and fit for a Markdown table. */
    private static String shortened(String statement) {
        String line = statement.replaceAll("\\s+", " ").trim().replace("|", "\\|");
        return line.length() <= LONGEST_TEXT ? line : line.substring(0, LONGEST_TEXT) + " …";
    }
}
