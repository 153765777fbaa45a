package io.backtrack.outcome.escalation;

import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.Urgency;

/**
 * The urgency of a red flag reported in a session, where the event carries only the flag name
 * (docs/clinical-rules.md §1: suspected cauda equina is EMERGENCY, the others URGENT).
 */
public final class RedFlagUrgency {

    private RedFlagUrgency() {
    }

    public static Urgency of(RedFlagCode flag) {
        return switch (flag) {
            case BLADDER_BOWEL_DYSFUNCTION, SADDLE_NUMBNESS, BILATERAL_LEG_DEFICIT -> Urgency.EMERGENCY;
            case PROGRESSIVE_MOTOR_WEAKNESS, INFECTION_RISK, MALIGNANCY_RISK, FRACTURE_RISK -> Urgency.URGENT;
        };
    }
}
