package io.backtrack.platform.audit;

public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    TRANSITION,
    /** A request for a record the caller may not reach, or that does not exist (answered 404). */
    REFUSED
}
