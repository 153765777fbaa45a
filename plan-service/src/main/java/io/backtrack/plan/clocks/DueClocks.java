package io.backtrack.plan.clocks;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.plan.AdherenceMissed;
import io.backtrack.contracts.plan.ReviewDue;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.plan.adherence.AdherenceWindows;
import io.backtrack.plan.plans.Plan;
import io.backtrack.scoring.AdherenceWindow;
import io.backtrack.scoring.WeekAdherence;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The periodic job behind adherence-missed and review-due. Each run claims the clocks due
 * by today of courses with an ACTIVE version, one batch per transaction until none is left, with FOR
 * UPDATE SKIP LOCKED, so replicas never fire one twice, and marks each fired in the transaction that
 * writes its event. Clocks of a plan on hold wait for the resume; those of MAINTENANCE and COMPLETED
 * plans never fire (docs/clinical-rules.md §7).
 */
@ApplicationScoped
public class DueClocks {

    private static final String CLAIM = """
            SELECT c.* FROM plan_clock c JOIN plan p ON p.course_id = c.course_id
             WHERE c.fired_at IS NULL AND c.due_on <= ?1 AND p.status = 'ACTIVE'
             ORDER BY c.due_on, c.id
             LIMIT ?2
               FOR UPDATE OF c SKIP LOCKED""";

    private final AdherenceWindows windows;
    private final EventOutbox outbox;
    private final ClockConfig config;
    private final Clock clock;

    public DueClocks(AdherenceWindows windows, EventOutbox outbox, ClockConfig config, Clock clock) {
        this.windows = windows;
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
        return Panache.withTransaction(this::claimAndFire);
    }

    private Uni<Integer> claimAndFire() {
        LocalDate today = LocalDate.now(clock);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, PlanClock.class)
                        .setParameter(1, today)
                        .setParameter(2, config.batchSize())
                        .getResultList())
                .chain(this::fireAll);
    }

    /** Loads the claimed clocks' ACTIVE plans and their adherence at once, then fires each in turn. */
    private Uni<Integer> fireAll(List<PlanClock> due) {
        if (due.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<UUID> courses = due.stream().map(c -> c.courseId).distinct().toList();
        return Plan.<Plan>list("courseId in ?1 and status = ?2", courses, PlanStatus.ACTIVE)
                .chain(plans -> windows.ofCourses(courses).chain(adherence -> {
                    Map<UUID, Plan> active = plans.stream().collect(Collectors.toMap(plan -> plan.courseId, plan -> plan));
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (PlanClock clockRow : due) {
                        chain = chain.chain(() -> fire(clockRow, active.get(clockRow.courseId),
                                adherence.get(clockRow.courseId)));
                    }
                    return chain;
                }))
                .replaceWith(due.size());
    }

    /** Fires on the course's ACTIVE version; a clock whose course stopped being ACTIVE since the claim waits. */
    private Uni<Void> fire(PlanClock due, Plan plan, AdherenceWindow window) {
        if (plan == null) {
            return Uni.createFrom().voidItem();
        }
        return (due.kind == ClockKind.REVIEW ? reviewDue(plan, due, window) : weekEnded(plan, due, window))
                .invoke(() -> {
                    due.firedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    due.firedPlanId = plan.id;
                });
    }

    private Uni<Void> reviewDue(Plan plan, PlanClock due, AdherenceWindow window) {
        AdherenceSnapshot adherence = window.until(7 * due.week);
        return outbox.append(plan.patientId, new ReviewDue(plan.patientId, plan.clinicId, plan.id, due.week,
                plan.startDate, due.dueOn, adherence, clock.instant()));
    }

    private Uni<Void> weekEnded(Plan plan, PlanClock due, AdherenceWindow window) {
        WeekAdherence week = window.week(due.week);
        if (!week.missed()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.append(plan.patientId, new AdherenceMissed(plan.patientId, plan.clinicId, plan.id, week.week(),
                week.start(), week.end(), week.expected(), week.completed(), week.percent(),
                window.consecutiveMissed(due.week), clock.instant(), week.percentage()));
    }
}
