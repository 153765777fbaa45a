package io.backtrack.plan.validation;

import io.backtrack.plan.catalog.ContraindicationMatrix;
import io.backtrack.plan.catalog.Exercise;
import io.backtrack.scoring.IcdCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PLAN-CONTRAINDICATED: an item contraindicated for one of the patient's conditions by the
 * {@link ContraindicationMatrix} or by the catalog; manipulation for a disc disorder only once a
 * progressive deficit is recorded.
 */
@ApplicationScoped
public class ContraindicationRule implements PlanRule {

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
        boolean progressiveDeficit = draft.patient().progressiveDeficitRecorded();
        List<Finding> findings = new ArrayList<>();
        for (Exercise e : draft.allItems().stream().distinct().toList()) {
            Optional<String> always = IcdCodes.firstUnder(ContraindicationMatrix.contraindicatedFor(e, false), conditions);
            if (always.isPresent()) {
                findings.add(violation(e, always.get(), "."));
            } else if (progressiveDeficit) {
                IcdCodes.firstUnder(ContraindicationMatrix.contraindicatedFor(e, true), conditions)
                        .ifPresent(code -> findings.add(violation(e, code, " now that a progressive deficit is recorded.")));
            }
        }
        return findings;
    }

    private Finding violation(Exercise e, String code, String why) {
        return Finding.violation(this, e.code, code, e.name + " (" + e.category + ") is contraindicated for " + code + why);
    }
}
