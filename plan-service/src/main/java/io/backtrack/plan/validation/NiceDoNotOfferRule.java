package io.backtrack.plan.validation;

import io.backtrack.plan.catalog.ExerciseCategory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** PLAN-NICE-DO-NOT-OFFER: TENS, ultrasound, interferential and traction are warned against (NICE NG59). */
@ApplicationScoped
public class NiceDoNotOfferRule implements PlanRule {

    private static final Set<ExerciseCategory> DO_NOT_OFFER = EnumSet.of(ExerciseCategory.TENS,
            ExerciseCategory.ULTRASOUND, ExerciseCategory.INTERFERENTIAL, ExerciseCategory.TRACTION);

    @Override
    public String id() {
        return "PLAN-NICE-DO-NOT-OFFER";
    }

    @Override
    public List<Finding> check(PlanDraft draft) {
        return draft.allItems().stream()
                .filter(e -> DO_NOT_OFFER.contains(e.category))
                .map(e -> Finding.warning(this, e.code, null,
                        "NICE NG59: do not offer " + e.category + " for low back pain."))
                .distinct()
                .toList();
    }
}
