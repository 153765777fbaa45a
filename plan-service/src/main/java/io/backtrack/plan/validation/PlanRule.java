package io.backtrack.plan.validation;

import java.util.List;

/** One rule of docs/clinical-rules.md §2, with its stable id. */
public interface PlanRule {

    String id();

    /** Whether a clinician may accept a violation of this rule with a written reason. */
    default boolean overridable() {
        return false;
    }

    List<Finding> check(PlanDraft draft);
}
