package io.backtrack.outcome.escalation;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.platform.fhir.FhirCodes;

/** How an escalation type reads to a clinician outside BackTrack: "Imaging", "Plan revision". */
public final class EscalationLabels {

    private EscalationLabels() {
    }

    public static String of(EscalationType type) {
        String text = FhirCodes.words(type);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
