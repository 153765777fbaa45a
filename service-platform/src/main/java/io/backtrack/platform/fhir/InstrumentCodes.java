package io.backtrack.platform.fhir;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Quantity;

/**
 * The codes and units of the instruments, wherever a service reports them (patient-service at intake,
 * outcome-service over time): LOINC where a code exists (docs/clinical-rules.md), BackTrack's own code
 * system for the PSFS mean, which has none.
 */
public final class InstrumentCodes {

    public static final String PAIN_NRS = "72514-3";
    public static final String ODI_PANEL = "97908-8";
    public static final String ODI_SCORE = "97909-6";
    public static final String START_BACK_PANEL = "91349-1";
    public static final String START_BACK_TOTAL = "91351-7";
    public static final String START_BACK_SUBSCALE = "91350-9";
    public static final String START_BACK_RISK = "91352-5";
    public static final String PSFS_MEAN = "psfs-mean";

    private InstrumentCodes() {
    }

    public static CodeableConcept painNrs() {
        return FhirCodes.loinc(PAIN_NRS, "Pain severity - 0-10 verbal numeric rating [Score] - Reported");
    }

    public static CodeableConcept odiPanel() {
        return FhirCodes.loinc(ODI_PANEL, "Oswestry Disability Index panel");
    }

    public static CodeableConcept odiScore() {
        return FhirCodes.loinc(ODI_SCORE, "Oswestry Disability Index score");
    }

    /** The ODI as BackTrack scores it: the index in percent, not the raw sum the LOINC bands use. */
    public static Quantity odiPercent(BigDecimal percent) {
        return new Quantity().setValue(percent).setUnit("%").setSystem(FhirCodes.UCUM).setCode("%");
    }

    public static String odiNote(Integer rawSum, Integer sectionsAnswered) {
        return "Disability index in percent: raw sum " + rawSum + " of " + sectionsAnswered
                + " sections answered, scaled to 0-100.";
    }

    public static CodeableConcept startBackPanel() {
        return FhirCodes.loinc(START_BACK_PANEL, "STarT Back Screening Tool panel");
    }

    public static CodeableConcept startBackTotal() {
        return FhirCodes.loinc(START_BACK_TOTAL, "Total score [STarT Back]");
    }

    public static CodeableConcept startBackSubscale() {
        return FhirCodes.loinc(START_BACK_SUBSCALE, "Psychosocial subscale score [STarT Back]");
    }

    public static CodeableConcept startBackRisk() {
        return FhirCodes.loinc(START_BACK_RISK, "Risk category [STarT Back]");
    }

    /** The LOINC answer of a STarT Back risk category: LOW, MEDIUM or HIGH. */
    public static CodeableConcept startBackRiskAnswer(String risk) {
        return switch (risk) {
            case "LOW" -> FhirCodes.loinc("LA9194-7", "Low risk");
            case "MEDIUM" -> FhirCodes.loinc("LA8982-6", "Medium risk");
            case "HIGH" -> FhirCodes.loinc("LA9193-9", "High risk");
            default -> throw new IllegalArgumentException("no STarT Back risk " + risk);
        };
    }

    public static CodeableConcept psfsMean() {
        return FhirCodes.concept(FhirCodes.codeSystem("measure"), PSFS_MEAN,
                "Patient-Specific Functional Scale, mean of the rated activities (0-10)");
    }

    public static Quantity psfsScore(BigDecimal mean) {
        return new Quantity().setValue(mean).setUnit("score").setSystem(FhirCodes.UCUM).setCode("{score}");
    }
}
