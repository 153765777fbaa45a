package io.backtrack.contracts.patient;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient was registered with a clinic. {@code loginSubject} is the OIDC subject of the patient's
 * own login, when one is linked: the other services use it to let a patient reach only their own data.
 */
public record PatientRegistered(UUID patientId, String clinicId, String loginSubject, Instant registeredAt) {
}
