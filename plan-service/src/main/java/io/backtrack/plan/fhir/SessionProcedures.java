package io.backtrack.plan.fhir;

import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.plan.sessions.SessionView;
import io.backtrack.platform.fhir.FhirCodes;
import io.backtrack.platform.fhir.FhirReferences;
import io.backtrack.platform.fhir.FhirTimes;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;

/**
 * A logged session as a FHIR {@code Procedure}: something the patient did, based on their CarePlan,
 * not a measurement. The pain and effort the patient reported with it are part of the record of the
 * session (its note); the measures that are outcomes (pain NRS, ODI, PSFS) are outcome-service's
 * Observations. A red flag reported in the session is a complication.
 */
final class SessionProcedures {

    static final String EXERCISE_THERAPY = "229065009";

    private SessionProcedures() {
    }

    static Procedure of(UUID patientId, SessionView session) {
        Procedure procedure = new Procedure();
        procedure.setId(session.id().toString());
        procedure.getMeta().setLastUpdated(Date.from(session.loggedAt()));
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        CodeableConcept code = FhirCodes.snomed(EXERCISE_THERAPY, "Exercise therapy");
        code.addCoding(new Coding(FhirCodes.codeSystem("session"), "home-exercise-session", "Home exercise session"));
        procedure.setCode(code);
        procedure.setSubject(FhirReferences.patient(patientId));
        procedure.addBasedOn(new Reference("CarePlan/" + session.planId()));
        procedure.setPerformed(FhirTimes.instant(session.performedAt()));
        procedure.addNote().setText("Plan week " + session.planWeek() + ". Exercises done: "
                + String.join(", ", session.exercisesDone()) + " (" + session.exercisesCounted() + " of "
                + session.exercisesPrescribed() + " prescribed; "
                + (session.countsForAdherence() ? "counts" : "does not count") + " for adherence). Pain " + session.painBefore() + "/10 before, " + session.painAfter() + "/10 after"
                + (session.effort() == null ? "." : "; effort " + session.effort() + "/10."));
        for (RedFlagCode flag : session.reportedRedFlags()) {
            procedure.addComplication(FhirCodes.concept(FhirCodes.codeSystem("red-flag"), flag.name(),
                    "Red flag reported: " + FhirCodes.words(flag)));
        }
        session.newSymptoms().forEach(symptom -> procedure.addComplication().setText("New symptom: " + symptom));
        if (session.motorDeficit()) {
            procedure.addComplication().setText("Motor deficit reported");
        }
        return procedure;
    }
}
