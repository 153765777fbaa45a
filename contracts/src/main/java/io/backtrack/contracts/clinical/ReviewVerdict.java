package io.backtrack.contracts.clinical;

public enum ReviewVerdict {
    RESPONDING,
    PARTIAL,
    NON_RESPONDING,
    WORSENING
}
