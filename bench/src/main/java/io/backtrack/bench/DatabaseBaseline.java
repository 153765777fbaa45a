package io.backtrack.bench;

import io.backtrack.infra.PostgresEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the database alone does with a session's rows: pgbench inserting a session, its outbox row and
 * its audit entry in one transaction, at the same concurrency, into copies of plan-service's tables
 * (same columns, defaults and indexes; no triggers) in a schema of the same database. Then the same with
 * a NOTIFY in each transaction, as every outbox writer sent one before platform migration V0.7:
 * PostgreSQL serializes the commits of notifying transactions, WAL flush included.
 */
final class DatabaseBaseline {

    /** Transactions per second and mean latency (ms) as pgbench reports them, without and with the NOTIFY. */
    record Figures(double tps, double meanLatencyMs, double notifyingTps, double notifyingMeanLatencyMs) {
    }

    private static final String SCRIPT = """
            BEGIN;
            INSERT INTO bench.session (id, plan_id, patient_id, performed_at, logged_at, logged_by, plan_week,
                exercises_done, prescribed, done, counts, pain_before, pain_after, effort, new_symptoms, red_flags,
                motor_deficit)
              VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now(), now(), 'clinician-bench', 1,
                '["SC-01","CS-01"]', 4, 2, true, 4, 4, 5, '[]', '[]', false);
            INSERT INTO bench.outbox_event (event_id, topic, event_type, source, record_key, occurred_at, payload)
              VALUES (gen_random_uuid(), 'backtrack.plan.v1', 'io.backtrack.plan.session-completed.v1',
                '/backtrack/plan-service', gen_random_uuid()::text, now(), repeat('x', 700));
            INSERT INTO bench.audit_entry (id, occurred_at, actor, actor_role, clinic_id, action, resource_type,
                resource_id, patient_id, previous_hash, entry_hash, scheme, chain_key, chain_seq)
              VALUES (nextval('bench.audit_id'), now(), 'clinician-bench', 'clinician', 'clinic-bench', 'CREATE',
                'session', gen_random_uuid()::text, gen_random_uuid(), repeat('0', 64), repeat('1', 64), 2,
                gen_random_uuid()::text, 1);
            """;
    private static final String NOTIFY = "SELECT pg_notify('bench_outbox', '');\n";

    private DatabaseBaseline() {
    }

    static Figures run(PostgresEndpoint postgres, String database, int concurrency, Duration duration, Path work)
            throws IOException, InterruptedException, SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                postgres.password()); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS bench CASCADE");
            ddl.execute("CREATE SCHEMA bench");
            for (String table : List.of("session", "outbox_event", "audit_entry")) {
                ddl.execute("CREATE TABLE bench." + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
            ddl.execute("CREATE SEQUENCE bench.audit_id");
        }
        String plain = pgbench(postgres, database, concurrency, duration, work, SCRIPT + "COMMIT;\n");
        String notifying = pgbench(postgres, database, concurrency, duration, work, SCRIPT + NOTIFY + "COMMIT;\n");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                postgres.password()); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA bench CASCADE");
        }
        return new Figures(number(plain, "tps = ([0-9.]+)"), number(plain, "latency average = ([0-9.]+) ms"),
                number(notifying, "tps = ([0-9.]+)"), number(notifying, "latency average = ([0-9.]+) ms"));
    }

    private static String pgbench(PostgresEndpoint postgres, String database, int concurrency, Duration duration,
            Path work, String transaction) throws IOException, InterruptedException {
        Path script = work.resolve("session-rows.sql");
        Files.writeString(script, transaction, StandardCharsets.UTF_8);
        ProcessBuilder pgbench = new ProcessBuilder("pgbench", "-n", "-c", String.valueOf(concurrency), "-j", "2",
                "-T", String.valueOf(duration.toSeconds()), "-f", script.toString(), "-h", postgres.host(),
                "-p", String.valueOf(postgres.port()), "-U", postgres.user(), database).redirectErrorStream(true);
        pgbench.environment().put("PGPASSWORD", postgres.password());
        Process process = pgbench.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        return output;
    }

    private static double number(String output, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no '" + pattern + "' in pgbench output:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
