package io.backtrack.patient.fhir;

import io.backtrack.patient.intake.IntakeAssessment;
import io.backtrack.patient.intake.IntakeView;
import io.backtrack.platform.fhir.FhirCodes;
import io.backtrack.platform.fhir.FhirReferences;
import io.backtrack.platform.fhir.FhirTimes;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;

/**
 * The ICD-10-CM conditions of each intake as FHIR {@code Condition}s: encounter diagnoses of that
 * assessment (id {@code <intake id>-<code>}; a code given twice is one Condition). Those of the
 * latest intake are the patient's active ones; an earlier intake's diagnoses carry no clinical
 * status, since a later intake restates them.
 */
final class IntakeConditions {

    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String CLINICAL_STATUS = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String VERIFICATION_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private IntakeConditions() {
    }

    /** {@code intakes} in the order they were recorded. */
    static List<Condition> of(List<IntakeView> intakes) {
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < intakes.size(); i++) {
            IntakeView intake = intakes.get(i);
            Set<String> codes = new HashSet<>();
            for (IntakeAssessment.Condition diagnosis : intake.assessment().conditions()) {
                if (codes.add(diagnosis.code())) {
                    conditions.add(of(intake, diagnosis, i == intakes.size() - 1));
                }
            }
        }
        return conditions;
    }

    private static Condition of(IntakeView intake, IntakeAssessment.Condition diagnosis, boolean latest) {
        Condition condition = new Condition();
        condition.setId(intake.id() + "-" + diagnosis.code());
        condition.getMeta().setLastUpdated(Date.from(intake.recordedAt()));
        if (latest) {
            condition.setClinicalStatus(FhirCodes.concept(CLINICAL_STATUS, "active", "Active"));
        }
        condition.setVerificationStatus(FhirCodes.concept(VERIFICATION_STATUS, "confirmed", "Confirmed"));
        condition.addCategory(FhirCodes.concept(CATEGORY_SYSTEM, "encounter-diagnosis", "Encounter Diagnosis"));
        condition.setCode(FhirCodes.concept(FhirCodes.ICD_10_CM, diagnosis.code(), diagnosis.description()));
        condition.setSubject(FhirReferences.patient(intake.patientId()));
        condition.setOnset(FhirTimes.day(intake.answers().onsetDate()));
        condition.setRecordedDateElement(FhirTimes.instant(intake.recordedAt()));
        condition.addNote().setText("Episode stage at the intake of " + intake.intakeDate() + ": "
                + intake.assessment().stage().name().toLowerCase());
        return condition;
    }
}
