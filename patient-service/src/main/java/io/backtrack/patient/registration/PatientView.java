package io.backtrack.patient.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record PatientView(
        UUID id,
        String clinicId,
        String givenName,
        String familyName,
        LocalDate birthDate,
        Sex sex,
        PatientRequests.Contact contact,
        String loginSubject,
        int version,
        Instant registeredAt,
        Instant updatedAt) {

    static PatientView of(Patient p) {
        return new PatientView(p.id, p.clinicId, p.givenName, p.familyName, p.birthDate, p.sex,
                new PatientRequests.Contact(p.email, p.phone), p.loginSubject, p.version, p.registeredAt, p.updatedAt);
    }
}
