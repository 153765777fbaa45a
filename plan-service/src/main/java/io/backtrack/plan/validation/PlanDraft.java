package io.backtrack.plan.validation;

import io.backtrack.plan.catalog.Exercise;
import io.backtrack.plan.profile.ClinicalProfile;
import java.util.List;

/** A plan about to be validated: its phases with the catalog entries they prescribe, and the patient. */
public record PlanDraft(List<List<Exercise>> phases, boolean hasPainTriggers, boolean hasActivityModifications,
        ClinicalProfile patient) {

    public List<Exercise> allItems() {
        return phases.stream().flatMap(List::stream).toList();
    }
}
