package io.backtrack.plan.validation;

import io.backtrack.plan.catalog.ContraindicationMatrix;
import io.backtrack.scoring.IcdCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * PLAN-CAUTION: an item that needs caution with one of the patient's conditions, by the
 * {@link ContraindicationMatrix} or by the catalog.
 */
@ApplicationScoped
public class CautionRule implements PlanRule {

    @Override
    public String id() {
        return "PLAN-CAUTION";
    }

    @Override
    public List<Finding> check(PlanDraft draft) {
        return draft.allItems().stream().distinct()
                .flatMap(e -> IcdCodes.firstUnder(ContraindicationMatrix.cautionedFor(e), draft.patient().conditions())
                        .stream()
                        .map(code -> Finding.warning(this, e.code, code,
                                e.name + " (" + e.category + ") needs caution with " + code + ".")))
                .toList();
    }
}
