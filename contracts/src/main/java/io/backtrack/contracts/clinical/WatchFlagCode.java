package io.backtrack.contracts.clinical;

/** Findings that are recorded and shown but never block therapy. */
public enum WatchFlagCode {
    AGE_OVER_50_NEW_PAIN,
    NIGHT_PAIN
}
