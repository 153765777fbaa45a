package io.backtrack.plan.clocks;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.plan.AdherenceMissed;
import io.backtrack.contracts.plan.ReviewDue;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.plan.clocks.DueCourses.DueCourse;
import io.backtrack.plan.plans.Plan;
import io.backtrack.scoring.AdherenceWindow;
import io.backtrack.scoring.WeekAdherence;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The periodic job behind adherence-missed and review-due. Each run claims the clocks due
 * by today of courses with an ACTIVE version, one batch per transaction until none is left, with FOR
 * UPDATE SKIP LOCKED, so replicas never fire one twice, and marks each fired in the transaction that
 * writes its event. The claim also locks each clock's patient
 * ({@link io.backtrack.plan.profile.ProfileLock}): a patient with a session or a change in flight is
 * skipped until the next run, and none starts before the clock's event is written, so the patient's
 * events keep the order of their times. Clocks of a plan on hold wait for the resume; those of
 * MAINTENANCE and COMPLETED plans never fire (docs/clinical-rules.md §7).
 * <p>
 * A batch takes five statements whatever its size (claim; versions, sessions and holds; the events;
 * the fired marks), with the SQL client: a day's clocks of a large clinic network fire in seconds
 * (docs/performance.md).
 */
@ApplicationScoped
public class DueClocks {

    private static final String CLAIM = """
            SELECT c.id, c.course_id, c.kind, c.week, c.due_on
              FROM plan_clock c JOIN plan p ON p.course_id = c.course_id
                   JOIN patient_profile pp ON pp.patient_id = p.patient_id
             WHERE c.fired_at IS NULL AND c.due_on <= $1 AND p.status = 'ACTIVE'
             ORDER BY c.due_on, c.id
             LIMIT $2
               FOR UPDATE OF c, pp SKIP LOCKED""";
    private static final String FIRED = """
            UPDATE plan_clock c SET fired_at = $1, fired_plan_id = f.plan_id
              FROM unnest($2::bigint[], $3::uuid[]) AS f(id, plan_id)
             WHERE c.id = f.id""";

    /** A claimed clock. */
    private record DueClock(long id, UUID courseId, ClockKind kind, int week, LocalDate dueOn) {

        static DueClock of(Row row) {
            return new DueClock(row.getLong("id"), row.getUUID("course_id"), ClockKind.valueOf(row.getString("kind")),
                    row.getInteger("week"), row.getLocalDate("due_on"));
        }
    }

    private final Pool pool;
    private final DueCourses dueCourses;
    private final EventOutbox outbox;
    private final ClockConfig config;
    private final Clock clock;

    public DueClocks(Pool pool, DueCourses dueCourses, EventOutbox outbox, ClockConfig config, Clock clock) {
        this.pool = pool;
        this.dueCourses = dueCourses;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${backtrack.plan-clocks.interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return fireDue().chain(fired -> fired < config.batchSize() ? Uni.createFrom().voidItem() : run());
    }

    /** Fires the clocks due today or earlier (one batch); the number claimed. */
    public Uni<Integer> fireDue() {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(LocalDate.now(clock), config.batchSize()))
                .chain(rows -> {
                    List<DueClock> due = new ArrayList<>();
                    rows.forEach(row -> due.add(DueClock.of(row)));
                    return fireAll(connection, due).replaceWith(due.size());
                }));
    }

    /**
     * Fires each claimed clock on its course's ACTIVE version; a clock whose course stopped being ACTIVE
     * since the claim waits.
     */
    private Uni<Void> fireAll(SqlConnection connection, List<DueClock> due) {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> courseIds = due.stream().map(DueClock::courseId).distinct().toList();
        return dueCourses.read(connection, courseIds).chain(courses -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<EventOutbox.Pending> events = new ArrayList<>();
            List<Long> fired = new ArrayList<>();
            List<UUID> firedOn = new ArrayList<>();
            for (DueClock clockRow : due) {
                DueCourse course = courses.get(clockRow.courseId());
                Plan plan = course == null ? null : course.active();
                if (plan != null) {
                    event(plan, clockRow, course.window(), now).ifPresent(events::add);
                    fired.add(clockRow.id());
                    firedOn.add(plan.id);
                }
            }
            return outbox.appendAll(connection, events).chain(() -> fired.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : connection.preparedQuery(FIRED).execute(Tuple.tuple()
                            .addOffsetDateTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                            .addArrayOfLong(fired.toArray(Long[]::new))
                            .addArrayOfUUID(firedOn.toArray(UUID[]::new))).replaceWithVoid());
        });
    }

    /** A review is always due; a week's end is only news when the week was missed. */
    private static Optional<EventOutbox.Pending> event(Plan plan, DueClock due, AdherenceWindow window, Instant now) {
        if (due.kind() == ClockKind.REVIEW) {
            AdherenceSnapshot adherence = window.until(7 * due.week());
            return Optional.of(new EventOutbox.Pending(plan.patientId, new ReviewDue(plan.patientId, plan.clinicId,
                    plan.id, due.week(), plan.startDate, due.dueOn(), adherence, now)));
        }
        WeekAdherence week = window.week(due.week());
        if (!week.missed()) {
            return Optional.empty();
        }
        return Optional.of(new EventOutbox.Pending(plan.patientId, new AdherenceMissed(plan.patientId, plan.clinicId,
                plan.id, week.week(), week.start(), week.end(), week.expected(), week.completed(), week.percent(),
                window.consecutiveMissed(due.week()), now, week.percentage())));
    }
}
