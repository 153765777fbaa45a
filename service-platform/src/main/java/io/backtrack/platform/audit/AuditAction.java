package io.backtrack.platform.audit;

public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    TRANSITION
}
