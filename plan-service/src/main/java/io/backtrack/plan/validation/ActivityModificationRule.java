package io.backtrack.plan.validation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** PLAN-ACTIVITY-MODIFICATION: warns when neither pain triggers nor activity modifications are recorded. */
@ApplicationScoped
public class ActivityModificationRule implements PlanRule {

    @Override
    public String id() {
        return "PLAN-ACTIVITY-MODIFICATION";
    }

    @Override
    public List<Finding> check(PlanDraft draft) {
        if (draft.hasPainTriggers() || draft.hasActivityModifications()) {
            return List.of();
        }
        return List.of(Finding.warning(this, null, null,
                "No pain triggers or activity modifications are recorded for the patient's daily life."));
    }
}
