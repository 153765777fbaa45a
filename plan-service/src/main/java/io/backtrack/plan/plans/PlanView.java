package io.backtrack.plan.plans;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.plan.validation.Finding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A plan version; {@code holdViolations} lists the rules a late fact made it break when it was held. */
public record PlanView(
        UUID id,
        UUID patientId,
        String clinicId,
        int version,
        UUID supersedes,
        PlanStatus status,
        LocalDate startDate,
        int sessionsPerWeek,
        int durationWeeks,
        List<PlanPhase> phases,
        List<String> painTriggers,
        List<String> activityModifications,
        List<String> goals,
        List<PlanRequest.Override> overrides,
        List<String> overriddenRules,
        List<Finding> warnings,
        List<Finding> holdViolations,
        Instant createdAt,
        Instant statusChangedAt) {

    static PlanView of(Plan plan, PlanJson json) {
        List<PlanRequest.Override> overrides = json.overrides(plan);
        return new PlanView(plan.id, plan.patientId, plan.clinicId, plan.version, plan.supersedes, plan.status,
                plan.startDate, plan.sessionsPerWeek, plan.durationWeeks, json.phases(plan),
                json.strings(plan.painTriggers), json.strings(plan.activityModifications), json.strings(plan.goals),
                overrides, overrides.stream().map(PlanRequest.Override::ruleId).distinct().toList(),
                json.warnings(plan), json.holdViolations(plan), plan.createdAt, plan.statusChangedAt);
    }
}
