package io.backtrack.patient.access;

import io.backtrack.patient.registration.Patient;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * Finds a patient the caller may see: a clinician only in their own clinic, a patient only their
 * own record. Anything else is "not found", so ids of other clinics' patients are not disclosed.
 */
@RequestScoped
public class PatientAccess {

    private final Caller caller;

    public PatientAccess(Caller caller) {
        this.caller = caller;
    }

    public Uni<Patient> find(UUID patientId) {
        return Patient.<Patient>findById(patientId).map(patient -> {
            if (patient == null || !caller.mayReachPatient(patient.clinicId, patient.loginSubject)) {
                throw new ProblemException(Problem.notFound("No patient " + patientId + "."));
            }
            return patient;
        });
    }
}
