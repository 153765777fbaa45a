package io.backtrack.bench;

import io.backtrack.infra.PostgresEndpoint;
import io.backtrack.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * One pass of plan-service's clock job over many active plans: each seeded plan started a week ago
 * with its week-1 check due tomorrow; the clocks of every service process (replicas included) move
 * one day on, and the pass lasts until every one of those checks has fired. Each is a missed week, so
 * each writes one adherence-missed event, whichever replica fired it: the events are counted.
 */
final class ClockPass {

    /**
     * How long the pass took, how many of the seeded clocks had fired when it ended, and the
     * adherence-missed events written for the seeded patients (all of them, and distinct patients).
     */
    record Figures(int plans, Duration elapsed, Duration firing, long fired, long events, long patientsWithEvents,
            CpuTime.Use cpu) {
    }

    private static final String CLINIC = "clinic-clock-pass";
    /** Each plan's patient has a profile, as every plan made through the API does: the clock job locks it. */
    private static final String SEED = """
            WITH ids AS (
              SELECT gen_random_uuid() AS id, gen_random_uuid() AS patient_id FROM generate_series(1, ?)),
            profiles AS (
              INSERT INTO patient_profile (patient_id, clinic_id, conditions, motor_deficit, updated_at)
              SELECT patient_id, ?, '["M54.50"]', false, now() FROM ids),
            seeded AS (
              INSERT INTO plan (id, course_id, patient_id, clinic_id, version, status, start_date, sessions_per_week,
                                duration_weeks, phases, pain_triggers, activity_modifications, goals, overrides,
                                warnings, created_by, created_at, status_changed_at, row_version)
              SELECT id, id, patient_id, ?, 1, 'ACTIVE', current_date - 7, 3, 6, '[]', '[]', '[]', '[]', '[]',
                     '[]', 'bench', now(), now(), 0
                FROM ids
              RETURNING id, start_date)
            INSERT INTO plan_clock (course_id, kind, week, due_on)
            SELECT id, 'WEEK_END', 1, start_date + 8 FROM seeded""";
    private static final String EVENTS = """
            SELECT count(*), count(DISTINCT o.record_key) FROM outbox_event o
             WHERE o.event_type = 'backtrack.plan.adherence-missed.v1'
               AND o.record_key IN (SELECT patient_id::text FROM plan WHERE clinic_id = ?)""";
    private static final String FIRED = """
            SELECT count(*) FROM plan_clock c JOIN plan p ON p.id = c.course_id
             WHERE p.clinic_id = ? AND c.fired_at IS NOT NULL""";
    /** From the first batch's fired marks to the last one's: each batch stamps its clocks in its service's own clock. */
    private static final String FIRING = """
            SELECT extract(epoch FROM max(c.fired_at) - min(c.fired_at)) * 1000
              FROM plan_clock c JOIN plan p ON p.id = c.course_id WHERE p.clinic_id = ?""";

    private ClockPass() {
    }

    static Figures run(BenchSystem system, int plans, Duration atMost) throws Exception {
        PostgresEndpoint postgres = system.postgres;
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(system.database("plan-service")),
                postgres.user(), postgres.password())) {
            try (PreparedStatement seed = db.prepareStatement(SEED)) {
                seed.setInt(1, plans);
                seed.setString(2, CLINIC);
                seed.setString(3, CLINIC);
                seed.executeUpdate();
            }
            analyze(db);
            CpuTime.Sample cpuBefore = CpuTime.sample(system);
            long start = System.nanoTime();
            for (String api : system.allApis()) {
                HttpRequest advance = HttpRequest.newBuilder(URI.create(api + "/admin/clock/advance"))
                        .header("Authorization", "Bearer " + TestTokens.admin()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"days\":1}")).build();
                if (!Load.send(advance)) {
                    throw new IllegalStateException("could not move the clock of " + api);
                }
            }
            long deadline = start + atMost.toNanos();
            long fired = fired(db);
            while (fired < plans && System.nanoTime() < deadline) {
                Thread.sleep(100);
                fired = fired(db);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            CpuTime.Use cpu = CpuTime.between(cpuBefore, CpuTime.sample(system));
            analyze(db);
            Duration firing = firing(db);
            try (PreparedStatement events = db.prepareStatement(EVENTS)) {
                events.setString(1, CLINIC);
                try (ResultSet rows = events.executeQuery()) {
                    rows.next();
                    return new Figures(plans, elapsed, firing, fired, rows.getLong(1), rows.getLong(2), cpu);
                }
            }
        }
    }

    /**
     * Statistics for what was just written in bulk, as autovacuum keeps them for tables that grew over
     * months: without them the planner takes 100,000 new rows for a few, and the claim or the count of
     * events runs as nested loops over both tables.
     */
    private static void analyze(Connection db) throws SQLException {
        try (Statement analyze = db.createStatement()) {
            analyze.execute("ANALYZE patient_profile, plan, plan_clock, outbox_event");
        }
    }

    private static Duration firing(Connection db) throws SQLException {
        try (PreparedStatement spread = db.prepareStatement(FIRING)) {
            spread.setString(1, CLINIC);
            try (ResultSet rows = spread.executeQuery()) {
                rows.next();
                return Duration.ofMillis(rows.getLong(1));
            }
        }
    }

    private static long fired(Connection db) throws SQLException {
        try (PreparedStatement count = db.prepareStatement(FIRED)) {
            count.setString(1, CLINIC);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
