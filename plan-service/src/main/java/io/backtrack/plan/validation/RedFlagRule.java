package io.backtrack.plan.validation;

import io.backtrack.contracts.clinical.RedFlagCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** PLAN-RED-FLAG: no plan while an EMERGENCY or URGENT red flag is open. Never overridable. */
@ApplicationScoped
public class RedFlagRule implements PlanRule {

    @Override
    public String id() {
        return "PLAN-RED-FLAG";
    }

    @Override
    public List<Finding> check(PlanDraft draft) {
        if (draft.patient().clearedForTherapy()) {
            return List.of();
        }
        return List.of(Finding.violation(this, null, null, "The patient is not cleared for therapy: open red flags "
                + draft.patient().openRedFlags() + " must be cleared by a clinician first."));
    }

    /** Why a plan is held when a session reports {@code flags}: each opens a red flag on the patient. */
    public Finding reportedInSession(List<RedFlagCode> flags) {
        return Finding.violation(this, null, null, "Red flags reported in a session " + flags
                + ": the patient is not cleared for therapy until a clinician clears them.");
    }
}
