package io.backtrack.patient.fhir;

import io.backtrack.patient.redflag.RedFlagView;
import io.backtrack.platform.fhir.FhirCodes;
import io.backtrack.platform.fhir.FhirReferences;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Flag;

/**
 * The patient's red flags as FHIR {@code Flag}s: an open flag is {@code active}, one a clinician
 * cleared is {@code inactive}, its period ending when it was cleared.
 */
final class RedFlagFlags {

    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/flag-category";

    private RedFlagFlags() {
    }

    static List<Flag> of(UUID patientId, List<RedFlagView> flags) {
        return flags.stream().map(flag -> of(patientId, flag)).toList();
    }

    private static Flag of(UUID patientId, RedFlagView view) {
        Flag flag = new Flag();
        flag.setId(view.id().toString());
        flag.setStatus(view.open() ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
        flag.addCategory(FhirCodes.concept(CATEGORY_SYSTEM, "clinical", "Clinical"));
        String text = "Red flag " + FhirCodes.words(view.flag()) + ": suspected " + FhirCodes.words(view.suspectedCondition())
                + ", " + FhirCodes.words(view.urgency());
        flag.setCode(FhirCodes.concept(FhirCodes.codeSystem("red-flag"), view.flag().name(), text));
        flag.setSubject(FhirReferences.patient(patientId));
        flag.getPeriod().setStart(Date.from(view.raisedAt()));
        if (view.clearedAt() != null) {
            flag.getPeriod().setEnd(Date.from(view.clearedAt()));
        }
        return flag;
    }
}
