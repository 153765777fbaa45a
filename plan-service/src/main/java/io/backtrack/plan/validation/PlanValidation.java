package io.backtrack.plan.validation;

import io.backtrack.plan.plans.PlanRequest;
import java.util.List;

/**
 * The verdict on a plan: the violations that still reject it, the warnings it is returned with,
 * and the overrides that were applied (an overridden violation is not repeated as a warning).
 */
public record PlanValidation(List<Finding> violations, List<Finding> warnings, List<PlanRequest.Override> applied) {

    public boolean accepted() {
        return violations.isEmpty();
    }
}
