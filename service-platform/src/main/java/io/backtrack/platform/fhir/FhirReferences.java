package io.backtrack.platform.fhir;

import java.util.UUID;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * References to the patient. Only patient-service serves {@code Patient}, so a plan's or an outcome's
 * {@code Patient/<id>} is resolved against patient-service's FHIR base; the identifier, the same one
 * the Patient carries, names the patient whichever server a client asks.
 */
public final class FhirReferences {

    private FhirReferences() {
    }

    public static Reference patient(UUID patientId) {
        return new Reference("Patient/" + patientId)
                .setIdentifier(new Identifier().setSystem(FhirCodes.identifierSystem("patient")).setValue(patientId.toString()));
    }
}
