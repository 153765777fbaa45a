package io.backtrack.outcome.fhir;

import io.backtrack.outcome.measure.MeasureView;
import io.backtrack.platform.fhir.FhirCodes;
import io.backtrack.platform.fhir.FhirTimes;
import io.backtrack.platform.fhir.InstrumentCodes;
import java.util.Date;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

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
        observation.setSubject(new Reference("Patient/" + measure.patientId()));
        observation.setEffective(FhirTimes.day(measure.effectiveDate()));
        observation.setIssued(Date.from(measure.recordedAt()));
        switch (measure.type()) {
            case PAIN_NRS -> observation.setCode(InstrumentCodes.painNrs())
                    .setValue(new IntegerType(measure.value().intValueExact()));
            case ODI -> observation.setCode(InstrumentCodes.odiScore())
                    .setValue(InstrumentCodes.odiPercent(measure.value()))
                    .addNote().setText(InstrumentCodes.odiNote(measure.odiRawSum(), measure.odiSectionsAnswered()));
            case PSFS -> observation.setCode(InstrumentCodes.psfsMean()).setValue(InstrumentCodes.psfsScore(measure.value()));
        }
        return observation;
    }
}
