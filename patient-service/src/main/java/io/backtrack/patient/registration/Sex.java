package io.backtrack.patient.registration;

public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
