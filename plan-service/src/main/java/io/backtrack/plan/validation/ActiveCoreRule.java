package io.backtrack.plan.validation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** PLAN-ACTIVE-CORE: a plan needs at least one active exercise; education does not count. */
@ApplicationScoped
public class ActiveCoreRule implements PlanRule {

    @Override
    public String id() {
        return "PLAN-ACTIVE-CORE";
    }

    @Override
    public List<Finding> check(PlanDraft draft) {
        boolean anyActive = draft.allItems().stream().anyMatch(e -> e.category.isActive());
        return anyActive ? List.of() : List.of(Finding.violation(this, null, null,
                "The plan has no active exercise; passive care and education alone do not treat low back pain."));
    }
}
