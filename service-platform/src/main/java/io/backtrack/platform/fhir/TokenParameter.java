package io.backtrack.platform.fhir;

import java.util.Collection;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** One {@code code} search value: {@code system|code}, or a bare code of any system. */
public record TokenParameter(String system, String code) {

    public static TokenParameter parse(String value) {
        int bar = value.indexOf('|');
        return bar < 0 ? new TokenParameter(null, value)
                : new TokenParameter(bar == 0 ? null : value.substring(0, bar), value.substring(bar + 1));
    }

    public boolean matches(Collection<CodeableConcept> concepts) {
        return concepts.stream().flatMap(c -> c.getCoding().stream()).anyMatch(this::matches);
    }

    private boolean matches(Coding coding) {
        return code.equals(coding.getCode()) && (system == null || system.equals(coding.getSystem()));
    }
}
