package io.backtrack.contracts.clinical;

/** How soon a finding or a recommendation needs action, most urgent first. */
public enum Urgency {
    EMERGENCY,
    URGENT,
    ROUTINE;

    public boolean isMoreUrgentThan(Urgency other) {
        return ordinal() < other.ordinal();
    }
}
