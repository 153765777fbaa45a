package io.backtrack.plan.profile;

import java.util.List;
import java.util.UUID;

/**
 * The facts plan validation reads about a patient. A progressive deficit stays recorded once an intake
 * or a session reported it, even after its red flag was cleared.
 */
public record ClinicalProfile(UUID patientId, String clinicId, List<String> conditions,
        boolean progressiveDeficitRecorded, List<String> openRedFlags) {

    public boolean clearedForTherapy() {
        return openRedFlags.isEmpty();
    }
}
