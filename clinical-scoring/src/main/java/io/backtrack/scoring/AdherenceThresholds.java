package io.backtrack.scoring;

/** The two adherence thresholds of docs/clinical-rules.md §3; plan-service sets them in its configuration. */
public interface AdherenceThresholds {

    /** Adherent when counted × 100 ≥ prescribed × this. */
    int adherentPercent();

    /** A week is missed when completed × 100 < expected × this. */
    int missedBelowPercent();
}
