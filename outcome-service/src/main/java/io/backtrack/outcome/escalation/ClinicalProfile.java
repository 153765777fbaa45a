package io.backtrack.outcome.escalation;

import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.scoring.ConditionGroups;
import java.util.List;

/** The patient facts the rules read; the motor deficit counts whether recorded at intake or in a session. */
public record ClinicalProfile(List<String> conditions, boolean motorDeficit, boolean chronicPainSyndromeAtIntake,
        StartBackRisk startBackRisk) {

    public boolean radicularOrStenosis() {
        return ConditionGroups.radicularOrStenosis(conditions);
    }

    public boolean radicular() {
        return ConditionGroups.radicular(conditions);
    }

    public boolean chronicPainSyndrome() {
        return chronicPainSyndromeAtIntake || ConditionGroups.chronicPainSyndrome(conditions);
    }
}
