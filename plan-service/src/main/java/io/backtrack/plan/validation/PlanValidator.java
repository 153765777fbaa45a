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

    /** An override names no plan rule at all. */
    public static final String OVERRIDE_UNKNOWN_RULE = "PLAN-OVERRIDE-UNKNOWN-RULE";

    private final List<PlanRule> rules;
    private final Map<String, PlanRule> byId;

    public PlanValidator(@All List<PlanRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(PlanRule::id)).toList();
        this.byId = rules.stream().collect(Collectors.toMap(PlanRule::id, Function.identity()));
    }

    /**
     * An override of a rule that cannot be overridden changes nothing: the plan gets the same answer
     * as without it, its violation marked not overridable.
     */
    public PlanValidation validate(PlanDraft draft, List<PlanRequest.Override> overrides) {
        List<Finding> findings = rules.stream().flatMap(rule -> rule.check(draft).stream()).toList();
        List<Finding> violations = new ArrayList<>();
        for (PlanRequest.Override override : overrides) {
            if (!byId.containsKey(override.ruleId())) {
                violations.add(new Finding(OVERRIDE_UNKNOWN_RULE, Finding.Severity.VIOLATION, false, null, null,
                        override.ruleId() + " is not a plan rule."));
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
