package io.backtrack.platform.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/** A resource type a service serves: read by id, and search by the parameters listed (none: read only). */
public record ServedResource(String type, String documentation, List<Parameter> parameters) {

    public boolean searchable() {
        return !parameters.isEmpty();
    }

    public record Parameter(String name, SearchParamType type, String documentation) {
    }

    public static Parameter patient() {
        return new Parameter("patient", SearchParamType.REFERENCE, "Required: the patient (Patient/<id> or <id>)");
    }

    public static Parameter date(String what) {
        return new Parameter("date", SearchParamType.DATE,
                what + ", at day precision (yyyy-MM-dd) with an optional eq, ne, lt, le, gt or ge prefix; repeatable");
    }

    public static Parameter code() {
        return new Parameter("code", SearchParamType.TOKEN, "system|code or a bare code; comma-separated values match any");
    }
}
