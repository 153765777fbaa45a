package io.backtrack.contracts.clinical;

import java.math.BigDecimal;

/**
 * Adherence so far: counted sessions against prescribed sessions. {@code percent} is the 1.0 integer
 * (truncated, capped at 100); {@code percentage} (since 1.1) is the reported value to one decimal;
 * {@code adherent} uses the exact integer comparison of the adherence rule.
 */
public record AdherenceSnapshot(int countedSessions, int prescribedSessions, int percent, boolean adherent,
        BigDecimal percentage) {

    public static AdherenceSnapshot of(int countedSessions, int prescribedSessions, boolean adherent) {
        return new AdherenceSnapshot(countedSessions, prescribedSessions,
                ReportedPercent.truncated(countedSessions, prescribedSessions), adherent,
                ReportedPercent.of(countedSessions, prescribedSessions));
    }
}
