package io.backtrack.plan.validation;

import io.backtrack.plan.catalog.Exercise;
import io.backtrack.plan.catalog.ExerciseCategory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** PLAN-SPINE-CONTROL-FIRST: strengthening in the first phase needs spine control or core stabilization beside it. */
@ApplicationScoped
public class SpineControlFirstRule implements PlanRule {

    @Override
    public String id() {
        return "PLAN-SPINE-CONTROL-FIRST";
    }

    @Override
    public boolean overridable() {
        return true;
    }

    @Override
    public List<Finding> check(PlanDraft draft) {
        List<Exercise> first = draft.phases().get(0);
        boolean control = first.stream().anyMatch(e -> e.category == ExerciseCategory.SPINE_CONTROL
                || e.category == ExerciseCategory.CORE_STABILIZATION);
        if (control) {
            return List.of();
        }
        return first.stream()
                .filter(e -> e.category == ExerciseCategory.STRENGTHENING)
                .map(e -> Finding.violation(this, e.code, null,
                        "Strengthening in the first phase without spine control or core stabilization in it."))
                .distinct()
                .toList();
    }
}
