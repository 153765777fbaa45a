package io.backtrack.patient.fhir;

import io.backtrack.contracts.patient.StartBackResult;
import io.backtrack.patient.intake.IntakeAssessment;
import io.backtrack.patient.intake.IntakeView;
import io.backtrack.platform.fhir.FhirCodes;
import io.backtrack.platform.fhir.FhirReferences;
import io.backtrack.platform.fhir.FhirTimes;
import io.backtrack.platform.fhir.InstrumentCodes;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * The baseline an intake measured, as FHIR {@code Observation}s: pain NRS, the ODI (panel and score),
 * STarT Back (panel, total, psychosocial subscale, risk) and the PSFS mean, coded by
 * {@link InstrumentCodes}. Ids are {@code <intake id>-<measure>}. An ODI with too few sections
 * answered has no score, so no ODI Observation.
 */
final class IntakeObservations {

    private IntakeObservations() {
    }

    static List<Observation> of(List<IntakeView> intakes) {
        List<Observation> observations = new ArrayList<>();
        intakes.forEach(intake -> observations.addAll(of(intake)));
        return observations;
    }

    private static List<Observation> of(IntakeView intake) {
        IntakeAssessment assessment = intake.assessment();
        List<Observation> observations = new ArrayList<>();
        observations.add(observation(intake, "pain", InstrumentCodes.painNrs()).setValue(new IntegerType(assessment.painNrs())));
        if (assessment.odi().percent() != null) {
            Observation score = observation(intake, "odi", InstrumentCodes.odiScore())
                    .setValue(InstrumentCodes.odiPercent(assessment.odi().percent()));
            score.addNote().setText(InstrumentCodes.odiNote(assessment.odi().rawSum(), assessment.odi().sectionsAnswered()));
            observations.add(observation(intake, "odi-panel", InstrumentCodes.odiPanel()).addHasMember(reference(score)));
            observations.add(score);
        }
        StartBackResult startBack = assessment.startBack();
        Observation total = observation(intake, "startback-total", InstrumentCodes.startBackTotal())
                .setValue(new IntegerType(startBack.total()));
        Observation subscale = observation(intake, "startback-subscale", InstrumentCodes.startBackSubscale())
                .setValue(new IntegerType(startBack.psychosocialSubscale()));
        Observation risk = observation(intake, "startback-risk", InstrumentCodes.startBackRisk())
                .setValue(InstrumentCodes.startBackRiskAnswer(startBack.risk().name()));
        observations.add(observation(intake, "startback", InstrumentCodes.startBackPanel())
                .addHasMember(reference(total)).addHasMember(reference(subscale)).addHasMember(reference(risk)));
        observations.addAll(List.of(total, subscale, risk));
        if (assessment.psfsMean() != null) {
            observations.add(observation(intake, "psfs", InstrumentCodes.psfsMean())
                    .setValue(InstrumentCodes.psfsScore(assessment.psfsMean())));
        }
        return observations;
    }

    private static Observation observation(IntakeView intake, String measure, CodeableConcept code) {
        Observation observation = new Observation();
        observation.setId(intake.id() + "-" + measure);
        observation.getMeta().setLastUpdated(Date.from(intake.recordedAt()));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(FhirCodes.survey());
        observation.setCode(code);
        observation.setSubject(FhirReferences.patient(intake.patientId()));
        observation.setEffective(FhirTimes.day(intake.intakeDate()));
        observation.setIssued(Date.from(intake.recordedAt()));
        return observation;
    }

    private static Reference reference(Observation member) {
        return new Reference("Observation/" + member.getIdElement().getIdPart());
    }
}
