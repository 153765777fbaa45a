package io.backtrack.platform.fhir;

import io.backtrack.platform.input.InvalidParameterException;
import java.util.Collection;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * One {@code code} search value, as FHIR reads it: {@code system|code}, {@code |code} (a code without
 * a system) or a bare code of any system ({@code system} null).
 */
public record TokenParameter(String system, String code) {

    private static final String REQUIREMENT = "must be system|code, |code or a code";

    public static TokenParameter parse(String value) {
        int bar = value.indexOf('|');
        TokenParameter token = bar < 0 ? new TokenParameter(null, value)
                : new TokenParameter(value.substring(0, bar), value.substring(bar + 1));
        if (token.code().isBlank()) {
            throw new InvalidParameterException("code", REQUIREMENT);
        }
        return token;
    }

    public boolean matches(Collection<CodeableConcept> concepts) {
        return concepts.stream().flatMap(c -> c.getCoding().stream()).anyMatch(this::matches);
    }

    private boolean matches(Coding coding) {
        if (!code.equals(coding.getCode())) {
            return false;
        }
        return system == null || (system.isEmpty() ? !coding.hasSystem() : system.equals(coding.getSystem()));
    }
}
