package io.backtrack.contracts.clinical;

public enum StartBackRisk {
    LOW,
    MEDIUM,
    HIGH
}
