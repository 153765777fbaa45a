package io.backtrack.plan.profile;

import java.util.List;
import java.util.UUID;

/** The facts plan validation reads about a patient. */
public record ClinicalProfile(UUID patientId, String clinicId, List<String> conditions, boolean motorDeficit,
        List<String> openRedFlags) {

    public boolean clearedForTherapy() {
        return openRedFlags.isEmpty();
    }
}
