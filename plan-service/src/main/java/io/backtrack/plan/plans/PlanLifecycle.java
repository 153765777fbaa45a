package io.backtrack.plan.plans;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.plan.PlanStatusChanged;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves plans between statuses, keeps the record of days on hold, and publishes every change.
 * ACTIVE ⇄ ON_HOLD; ACTIVE or ON_HOLD → REVISED (a new version) or COMPLETED; ACTIVE, ON_HOLD or
 * COMPLETED → MAINTENANCE, the program the patient keeps after discharge; MAINTENANCE → ON_HOLD (a
 * red flag holds it as it holds an ACTIVE plan) or COMPLETED.
 */
@ApplicationScoped
public class PlanLifecycle {

    /** The statuses sessions are logged in: a plan enters one only if it passes the rules as the patient is now. */
    public static final Set<PlanStatus> IN_USE = EnumSet.of(PlanStatus.ACTIVE, PlanStatus.MAINTENANCE);
    /** A patient has at most one plan in one of these. */
    public static final Set<PlanStatus> CURRENT = EnumSet.of(PlanStatus.ACTIVE, PlanStatus.ON_HOLD,
            PlanStatus.MAINTENANCE);

    private static final Map<PlanStatus, Set<PlanStatus>> ALLOWED = Map.of(
            PlanStatus.ACTIVE, EnumSet.of(PlanStatus.ON_HOLD, PlanStatus.REVISED, PlanStatus.COMPLETED, PlanStatus.MAINTENANCE),
            PlanStatus.ON_HOLD, EnumSet.of(PlanStatus.ACTIVE, PlanStatus.MAINTENANCE, PlanStatus.REVISED,
                    PlanStatus.COMPLETED),
            PlanStatus.COMPLETED, EnumSet.of(PlanStatus.MAINTENANCE),
            PlanStatus.MAINTENANCE, EnumSet.of(PlanStatus.ON_HOLD, PlanStatus.COMPLETED),
            PlanStatus.REVISED, EnumSet.noneOf(PlanStatus.class));

    private final EventOutbox outbox;
    private final Clock clock;

    public PlanLifecycle(EventOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public static boolean allowed(PlanStatus from, PlanStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public Uni<Plan> change(Plan plan, PlanStatus to, String reason) {
        return change(plan, to, reason, List.of());
    }

    /** A change caused by the plan breaking {@code ruleIds}; they go into the event. */
    public Uni<Plan> change(Plan plan, PlanStatus to, String reason, List<String> ruleIds) {
        PlanStatus from = plan.status;
        if (!allowed(from, to)) {
            throw new ProblemException(Problem.conflict("illegal-plan-transition",
                    "A plan that is " + from + " cannot become " + to + "."));
        }
        LocalDate today = LocalDate.now(clock);
        plan.status = to;
        plan.statusChangedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Uni<Void> holds = Uni.createFrom().voidItem();
        if (to == PlanStatus.ON_HOLD) {
            PlanHold hold = new PlanHold();
            hold.planId = plan.id;
            hold.startedOn = today;
            hold.startedAt = plan.statusChangedAt;
            holds = hold.persist().replaceWithVoid();
        } else if (from == PlanStatus.ON_HOLD) {
            plan.holdViolations = "[]";
            holds = PlanHold.update("endedOn = ?1, endedAt = ?2 where planId = ?3 and endedOn is null", today,
                    plan.statusChangedAt, plan.id).replaceWithVoid();
        }
        return holds
                .chain(() -> outbox.append(plan.patientId, new PlanStatusChanged(plan.patientId, plan.clinicId, plan.id,
                        from, to, reason, plan.statusChangedAt, List.copyOf(ruleIds))))
                .replaceWith(plan);
    }
}
