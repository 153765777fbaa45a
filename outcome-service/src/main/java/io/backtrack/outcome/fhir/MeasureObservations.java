package io.backtrack.outcome.fhir;

import io.backtrack.contracts.clinical.MeasureType;
import io.backtrack.outcome.measure.MeasureView;
import io.backtrack.platform.fhir.FhirCodes;
import io.backtrack.platform.fhir.FhirReferences;
import io.backtrack.platform.fhir.FhirTimes;
import io.backtrack.platform.fhir.InstrumentCodes;
import java.util.Date;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;

/** A measure recorded over the episode as a FHIR {@code Observation}, coded by {@link InstrumentCodes}. */
final class MeasureObservations {

    private MeasureObservations() {
    }

    static Observation of(MeasureView measure) {
        Observation observation = new Observation();
        observation.setId(measure.id().toString());
        observation.getMeta().setLastUpdated(Date.from(measure.recordedAt()));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(FhirCodes.survey());
        observation.setSubject(FhirReferences.patient(measure.patientId()));
        observation.setEffective(FhirTimes.day(measure.effectiveDate()));
        observation.setIssued(Date.from(measure.recordedAt()));
        observation.setCode(switch (measure.type()) {
            case PAIN_NRS -> InstrumentCodes.painNrs();
            case ODI -> InstrumentCodes.odiScore();
            case PSFS -> InstrumentCodes.psfsMean();
        });
        observation.setValue(switch (measure.type()) {
            case PAIN_NRS -> new IntegerType(measure.value().intValue());
            case ODI -> InstrumentCodes.odiPercent(measure.value());
            case PSFS -> InstrumentCodes.psfsScore(measure.value());
        });
        if (measure.type() == MeasureType.ODI) {
            observation.addNote().setText(InstrumentCodes.odiNote(measure.odiRawSum(), measure.odiSectionsAnswered()));
        }
        return observation;
    }
}
