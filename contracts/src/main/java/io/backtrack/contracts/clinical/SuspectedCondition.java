package io.backtrack.contracts.clinical;

/** The serious pathology a red flag points to. */
public enum SuspectedCondition {
    CAUDA_EQUINA_SYNDROME,
    SEVERE_NEUROLOGICAL_DEFICIT,
    SPINAL_INFECTION,
    MALIGNANCY,
    FRACTURE
}
