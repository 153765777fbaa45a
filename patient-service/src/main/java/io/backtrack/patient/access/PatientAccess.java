package io.backtrack.patient.access;

import io.backtrack.patient.registration.Patient;
import io.backtrack.platform.audit.OutOfReachException;
import io.backtrack.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/**
 * Finds a patient the caller may see: a clinician only in their own clinic, a patient only their
 * own record. Anything else is "not found", so ids of other clinics' patients are not disclosed, and
 * audited ({@link OutOfReachException}).
 */
@RequestScoped
public class PatientAccess {

    private final Caller caller;

    public PatientAccess(Caller caller) {
        this.caller = caller;
    }

    public Uni<Patient> find(UUID patientId) {
        return find(patientId, LockModeType.NONE);
    }

    /**
     * The patient, with their row locked FOR UPDATE: a transaction that writes events about the patient
     * takes this first, before it stamps any time, so one patient's events are written one transaction
     * at a time and reach the topic in the order of their times.
     */
    public Uni<Patient> findForChange(UUID patientId) {
        return find(patientId, LockModeType.PESSIMISTIC_WRITE);
    }

    private Uni<Patient> find(UUID patientId, LockModeType mode) {
        return Patient.<Patient>findById(patientId, mode).map(patient -> {
            if (patient == null || !caller.mayReachPatient(patient.clinicId, patient.loginSubject)) {
                throw new OutOfReachException("patient", patientId, patient == null ? null : patient.id);
            }
            return patient;
        });
    }
}
