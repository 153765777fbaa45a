package io.backtrack.platform.audit;

import java.util.UUID;

/** Which chain an entry belongs to: its patient's, else its clinic's, else the service's own. */
final class AuditChains {

    private AuditChains() {
    }

    static String keyOf(UUID patientId, String clinicId) {
        if (patientId != null) {
            return "patient:" + patientId;
        }
        return clinicId != null ? "clinic:" + clinicId : "service";
    }
}
