package io.backtrack.bench;

import io.backtrack.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * One pass of plan-service's clock job over many active plans: each seeded plan started a week ago
 * with its week-1 check due tomorrow; the clocks of every service process (replicas included) move
 * one day on, and the pass lasts until every one of those checks has fired. Each is a missed week, so
 * each writes one adherence-missed event, whichever replica fired it: the events are counted, and
 * timed until outcome-service has applied them all.
 */
final class ClockPass {

    /**
     * How long the pass took, how many of the seeded clocks had fired when it ended, and the
     * adherence-missed events written for the seeded patients (all of them, and distinct patients), the
     * CPU each process spent meanwhile, and when outcome-service had applied them.
     */
    record Figures(int plans, Duration elapsed, Duration firing, long fired, long events, long patientsWithEvents,
            CpuTime.Use cpu, List<StatementTimes.Timed> statements, Applied applied) {
    }

    /**
     * How many of the events outcome-service had applied, how long after the clocks moved it had
     * applied them all, and the CPU each process spent from the clocks' move until then.
     */
    record Applied(long events, Duration elapsed, CpuTime.Use cpu) {
    }

    private static final String CLINIC = "clinic-clock-pass";
    /**
     * The ids of the seeded plans and patients, the same in both databases: plan-service's plans and
     * outcome-service's snapshots of them.
     */
    private static final String IDS = """
            SELECT md5('clock-pass-plan-' || n)::uuid AS id, md5('clock-pass-patient-' || n)::uuid AS patient_id
              FROM generate_series(1, ?) AS n""";
    /** Each plan's patient has a profile, as every plan made through the API does: the clock job locks it. */
    private static final String SEED = """
            WITH ids AS (%s),""".formatted(IDS) + """
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
    /**
     * What outcome-service knows of each seeded plan once plan-activated reached it: the snapshot its
     * missed weeks update, and the patient's profile.
     */
    private static final String OUTCOME_SEED = """
            WITH ids AS (%s),""".formatted(IDS) + """
            profiles AS (
              INSERT INTO patient_profile (patient_id, clinic_id, conditions, motor_deficit_intake,
                                           motor_deficit_session, chronic_pain_syndrome, updated_at)
              SELECT patient_id, ?, '["M54.50"]', false, false, false, now() FROM ids)
            INSERT INTO plan_snapshot (plan_id, patient_id, clinic_id, start_date, sessions_per_week, status,
                                       consecutive_missed_weeks, updated_at)
            SELECT id, patient_id, ?, current_date - 7, 3, 'ACTIVE', 0, now() FROM ids""";
    /** A seeded snapshot that outcome-service has applied the missed week 1 to, by either path. */
    private static final String APPLIED = """
            SELECT count(*) FROM plan_snapshot WHERE clinic_id = ? AND last_missed_week = 1""";
    private static final String EVENTS = """
            SELECT count(*), count(DISTINCT o.record_key) FROM outbox_event o
             WHERE o.event_type = 'backtrack.plan.adherence-missed.v1'
               AND o.record_key IN (SELECT patient_id::text FROM plan WHERE clinic_id = ?)""";
    private static final String FIRED = """
            SELECT count(*) FROM plan_clock c JOIN plan p ON p.id = c.course_id
             WHERE p.clinic_id = ? AND c.fired_at IS NOT NULL""";
    /** One statement inserted every seeded clock. */
    private static final String LAST_SEEDED = """
            SELECT max(c.id) FROM plan_clock c JOIN plan p ON p.id = c.course_id WHERE p.clinic_id = ?""";
    /**
     * Asked every 100 ms while the pass runs, so it must cost next to nothing: one row by its key.
     * The job claims clocks in due day and id order, so once the last seeded one has fired, the count
     * above is asked until it has them all (another batch may still be committing). Asking that
     * count from the start read 100,000 rows each time, and took more of PostgreSQL's CPU than the
     * job it timed.
     */
    private static final String LAST_FIRED = "SELECT count(*) FROM plan_clock WHERE id = ? AND fired_at IS NOT NULL";
    /** From the first batch's fired marks to the last one's: each batch stamps its clocks in its service's own clock. */
    private static final String FIRING = """
            SELECT extract(epoch FROM max(c.fired_at) - min(c.fired_at)) * 1000
              FROM plan_clock c JOIN plan p ON p.id = c.course_id WHERE p.clinic_id = ?""";

    private ClockPass() {
    }

    static Figures run(BenchSystem system, int plans, Duration atMost) throws Exception {
        try (Connection db = system.connect(system.database("plan-service"))) {
            try (PreparedStatement seed = db.prepareStatement(SEED)) {
                seed.setInt(1, plans);
                seed.setString(2, CLINIC);
                seed.setString(3, CLINIC);
                seed.executeUpdate();
            }
            seedOutcomeService(system, plans);
            analyze(db);
            long last = number(db, LAST_SEEDED, CLINIC);
            StatementTimes.reset(system);
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
            while (number(db, LAST_FIRED, last) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long fired = number(db, FIRED, CLINIC);
            while (fired < plans && System.nanoTime() < deadline) {
                Thread.sleep(100);
                fired = number(db, FIRED, CLINIC);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            CpuTime.Use cpu = CpuTime.between(cpuBefore, CpuTime.sample(system));
            List<StatementTimes.Timed> statements = StatementTimes.read(system, StatementTimes.TOP);
            long applied = awaitApplied(system, plans, deadline);
            Duration untilApplied = Duration.ofNanos(System.nanoTime() - start);
            CpuTime.Use appliedCpu = CpuTime.between(cpuBefore, CpuTime.sample(system));
            analyze(db);
            Duration firing = Duration.ofMillis(number(db, FIRING, CLINIC));
            try (PreparedStatement events = db.prepareStatement(EVENTS)) {
                events.setString(1, CLINIC);
                try (ResultSet rows = events.executeQuery()) {
                    rows.next();
                    return new Figures(plans, elapsed, firing, fired, rows.getLong(1), rows.getLong(2), cpu,
                            statements, new Applied(applied, untilApplied, appliedCpu));
                }
            }
        }
    }

    /**
     * How many seeded snapshots outcome-service has applied its missed week to, once all had or at the
     * deadline. The count reads every seeded snapshot, so it is asked once a second: a figure of a
     * minute needs no finer grain, and PostgreSQL's CPU stays the services'.
     */
    private static long awaitApplied(BenchSystem system, int plans, long deadline) throws Exception {
        try (Connection db = system.connect(system.database("outcome-service"))) {
            long applied = number(db, APPLIED, CLINIC);
            while (applied < plans && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                applied = number(db, APPLIED, CLINIC);
            }
            return applied;
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

    private static void seedOutcomeService(BenchSystem system, int plans) throws SQLException {
        try (Connection db = system.connect(system.database("outcome-service"));
                PreparedStatement seed = db.prepareStatement(OUTCOME_SEED)) {
            seed.setInt(1, plans);
            seed.setString(2, CLINIC);
            seed.setString(3, CLINIC);
            seed.executeUpdate();
        }
    }

    /** The first column of the single row {@code sql} answers, with {@code parameter} as its one parameter. */
    private static long number(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
