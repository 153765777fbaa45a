package io.backtrack.contracts.clinical;

/** Red-flag findings of the intake screen and of session reports (docs/clinical-rules.md §1). */
public enum RedFlagCode {
    BLADDER_BOWEL_DYSFUNCTION,
    SADDLE_NUMBNESS,
    BILATERAL_LEG_DEFICIT,
    PROGRESSIVE_MOTOR_WEAKNESS,
    INFECTION_RISK,
    MALIGNANCY_RISK,
    FRACTURE_RISK
}
