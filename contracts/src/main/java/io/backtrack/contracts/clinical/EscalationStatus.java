package io.backtrack.contracts.clinical;

public enum EscalationStatus {
    RECOMMENDED,
    ACKNOWLEDGED,
    ORDERED,
    DECLINED,
    COMPLETED
}
