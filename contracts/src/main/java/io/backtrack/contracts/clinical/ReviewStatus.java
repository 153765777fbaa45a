package io.backtrack.contracts.clinical;

public enum ReviewStatus {
    AWAITING_MEASURES,
    COMPLETED,
    OVERDUE
}
