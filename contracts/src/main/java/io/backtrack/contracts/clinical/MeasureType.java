package io.backtrack.contracts.clinical;

public enum MeasureType {
    PAIN_NRS,
    ODI,
    PSFS
}
