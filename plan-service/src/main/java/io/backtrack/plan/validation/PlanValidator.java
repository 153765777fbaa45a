package io.backtrack.plan.validation;

import io.backtrack.plan.plans.PlanRequest;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Applies every plan rule at once and the clinician's overrides. */
@ApplicationScoped
public class PlanValidator {

    /** An override names a rule that cannot be overridden, or no rule at all. */
    public static final String OVERRIDE_NOT_ALLOWED = "PLAN-OVERRIDE-NOT-ALLOWED";

    private final List<PlanRule> rules;
    private final Map<String, PlanRule> byId;

    public PlanValidator(@All List<PlanRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(PlanRule::id)).toList();
        this.byId = rules.stream().collect(Collectors.toMap(PlanRule::id, Function.identity()));
    }

    public PlanValidation validate(PlanDraft draft, List<PlanRequest.Override> overrides) {
        List<Finding> findings = rules.stream().flatMap(rule -> rule.check(draft).stream()).toList();
        List<Finding> violations = new ArrayList<>();
        for (PlanRequest.Override override : overrides) {
            PlanRule rule = byId.get(override.ruleId());
            if (rule == null || !rule.overridable()) {
                violations.add(new Finding(OVERRIDE_NOT_ALLOWED, Finding.Severity.VIOLATION, false, null, null,
                        override.ruleId() + " cannot be overridden."));
            }
        }
        Set<String> overridden = overrides.stream().map(PlanRequest.Override::ruleId).collect(Collectors.toSet());
        List<PlanRequest.Override> applied = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        for (Finding finding : findings) {
            if (!finding.isViolation()) {
                warnings.add(finding);
            } else if (finding.overridable() && overridden.contains(finding.ruleId())) {
                overrides.stream().filter(o -> o.ruleId().equals(finding.ruleId()) && !applied.contains(o))
                        .forEach(applied::add);
            } else {
                violations.add(finding);
            }
        }
        return new PlanValidation(violations, warnings, applied);
    }
}
