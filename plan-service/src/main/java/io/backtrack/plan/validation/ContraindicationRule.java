package io.backtrack.plan.validation;

import io.backtrack.plan.catalog.Exercise;
import io.backtrack.plan.catalog.ExerciseCategory;
import io.backtrack.scoring.IcdCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PLAN-CONTRAINDICATED: an item the catalog marks as contraindicated for one of the patient's
 * conditions, and manipulation for a disc disorder when a progressive deficit is recorded.
 */
@ApplicationScoped
public class ContraindicationRule implements PlanRule {

    private static final List<String> DISC_DISORDERS = List.of("M51.1", "M51.2");

    @Override
    public String id() {
        return "PLAN-CONTRAINDICATED";
    }

    @Override
    public boolean overridable() {
        return true;
    }

    @Override
    public List<Finding> check(PlanDraft draft) {
        List<String> conditions = draft.patient().conditions();
        List<Finding> findings = new ArrayList<>();
        for (Exercise e : draft.allItems().stream().distinct().toList()) {
            Optional<String> condition = IcdCodes.firstUnder(e.contraindicatedFor, conditions);
            if (condition.isEmpty() && e.category == ExerciseCategory.MANIPULATION && progressiveDeficit(draft)) {
                condition = IcdCodes.firstUnder(DISC_DISORDERS, conditions);
            }
            condition.ifPresent(code -> findings.add(Finding.violation(this, e.code, code,
                    e.name + " (" + e.category + ") is contraindicated for " + code + ".")));
        }
        return findings;
    }

    private static boolean progressiveDeficit(PlanDraft draft) {
        return draft.patient().motorDeficit() || draft.patient().openRedFlags().contains("PROGRESSIVE_MOTOR_WEAKNESS");
    }
}
