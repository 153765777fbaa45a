package io.backtrack.contracts.clinical;

/**
 * Adherence so far: counted sessions against prescribed sessions. Percent is capped at 100 and
 * truncated; adherent uses the exact integer comparison of escalation-rules §3.
 */
public record AdherenceSnapshot(int countedSessions, int prescribedSessions, int percent, boolean adherent) {
}
