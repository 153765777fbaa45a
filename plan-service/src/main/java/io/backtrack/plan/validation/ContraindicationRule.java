package io.backtrack.plan.validation;

import io.backtrack.plan.catalog.Exercise;
import io.backtrack.scoring.IcdCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

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
        boolean progressiveDeficit = draft.patient().progressiveDeficitRecorded();
        return draft.allItems().stream().distinct()
                .flatMap(e -> IcdCodes.firstUnder(ContraindicationMatrix.contraindicatedFor(e, progressiveDeficit),
                        draft.patient().conditions()).stream().map(code -> violation(e, code)))
                .toList();
    }

    private Finding violation(Exercise e, String code) {
        return Finding.violation(this, e.code, code, e.name + " (" + e.category + ") is contraindicated for " + code + ".");
    }
}
