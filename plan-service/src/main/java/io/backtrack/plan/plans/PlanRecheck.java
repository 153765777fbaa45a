package io.backtrack.plan.plans;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.plan.profile.PatientProfile;
import io.backtrack.plan.validation.Finding;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * When a late fact arrives (a red flag, the conditions of a later intake), re-validates the patient's
 * plan in use (ACTIVE or MAINTENANCE) with the overrides it was accepted with, and puts it ON_HOLD with
 * the rule ids it now breaks. The caller holds the patient's profile lock.
 */
@ApplicationScoped
public class PlanRecheck {

    private static final Actor SYSTEM = Actor.system("plan-service");

    private final PlanChecks checks;
    private final PlanLifecycle lifecycle;
    private final PlanJson json;
    private final AuditTrail audit;

    public PlanRecheck(PlanChecks checks, PlanLifecycle lifecycle, PlanJson json, AuditTrail audit) {
        this.checks = checks;
        this.lifecycle = lifecycle;
        this.json = json;
        this.audit = audit;
    }

    /** The patient has at most one current plan (PlanLifecycle.CURRENT), so at most one to hold. */
    public Uni<Void> holdIfBroken(PatientProfile profile, String reason) {
        return Plan.<Plan>find("patientId = ?1 and status in ?2", profile.patientId, PlanLifecycle.IN_USE).firstResult()
                .chain(plan -> plan == null ? Uni.createFrom().voidItem() : checks.ofPlan(profile, plan)
                        .chain(validation -> validation.accepted()
                                ? Uni.createFrom().voidItem()
                                : hold(plan, validation.violations(), reason)));
    }

    private Uni<Void> hold(Plan plan, List<Finding> violations, String reason) {
        List<String> ruleIds = violations.stream().map(Finding::ruleId).distinct().toList();
        plan.holdViolations = json.write(violations);
        return lifecycle.change(plan, PlanStatus.ON_HOLD, reason, ruleIds)
                .chain(() -> audit.record(SYSTEM, AuditAction.TRANSITION, PlanService.RESOURCE, plan.id, plan.patientId,
                        "ON_HOLD: " + reason + ", breaks " + ruleIds));
    }
}
