package io.backtrack.patient.fhir;

import io.backtrack.patient.registration.PatientView;
import io.backtrack.platform.fhir.FhirCodes;
import java.util.Date;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** A registered patient as a FHIR {@code Patient}. */
final class FhirPatients {

    private FhirPatients() {
    }

    static Patient of(PatientView view) {
        Patient patient = new Patient();
        patient.setId(view.id().toString());
        patient.getMeta().setVersionId(Integer.toString(view.version())).setLastUpdated(Date.from(view.updatedAt()));
        patient.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
                .setSystem(FhirCodes.identifierSystem("patient")).setValue(view.id().toString());
        patient.setActive(true);
        patient.addName().setFamily(view.familyName()).addGiven(view.givenName());
        patient.setBirthDateElement(new DateType(view.birthDate().toString()));
        patient.setGender(switch (view.sex()) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        });
        if (view.contact() != null && view.contact().email() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(view.contact().email());
        }
        if (view.contact() != null && view.contact().phone() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(view.contact().phone());
        }
        patient.setManagingOrganization(new Reference()
                .setIdentifier(new Identifier().setSystem(FhirCodes.identifierSystem("clinic")).setValue(view.clinicId()))
                .setDisplay(view.clinicId()));
        return patient;
    }
}
