package io.backtrack.contracts.clinical;

public enum PlanStatus {
    ACTIVE,
    ON_HOLD,
    REVISED,
    COMPLETED,
    MAINTENANCE
}
