package io.backtrack.platform.fhir;

import io.backtrack.platform.input.InvalidParameterException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * A search of one patient's resources: {@code patient} (required), optional {@code date} and
 * {@code code} where the resource type supports them, and {@code _count}/{@code _offset} paging. A
 * parameter the resource type does not support is a 400 naming it, not silently ignored; {@code _format}
 * may only ask for JSON.
 */
public record FhirSearch(UUID patient, List<DateParameter> dates, List<TokenParameter> codes, int count, int offset) {

    public static final int DEFAULT_COUNT = 50;
    public static final int MAX_COUNT = 200;
    private static final Set<String> GENERAL = Set.of("_count", "_offset", "_format");
    private static final Set<String> JSON_FORMATS = Set.of("json", "application/json", "application/fhir+json");

    /** Reads the query of {@code uri}; {@code supported} names the optional parameters besides paging. */
    public static FhirSearch of(UriInfo uri, Set<String> supported) {
        return of(uri.getQueryParameters(), supported);
    }

    static FhirSearch of(MultivaluedMap<String, String> query, Set<String> supported) {
        for (String name : query.keySet()) {
            if (!name.equals("patient") && !GENERAL.contains(name) && !supported.contains(name)) {
                throw new InvalidParameterException(name, "is not a search parameter of this resource type; "
                        + "supported: patient, " + String.join(", ", supported) + (supported.isEmpty() ? "" : ", ")
                        + "_count, _offset");
            }
        }
        String format = single(query, "_format");
        if (format != null && !JSON_FORMATS.contains(format)) {
            throw new InvalidParameterException("_format", "must be json: BackTrack serves FHIR JSON only");
        }
        return new FhirSearch(patient(single(query, "patient")),
                values(query, "date").stream().map(value -> DateParameter.parse("date", value)).toList(),
                values(query, "code").stream().flatMap(value -> Arrays.stream(value.split(",", -1)))
                        .map(TokenParameter::parse).toList(),
                integer(single(query, "_count"), "_count", DEFAULT_COUNT, 1, MAX_COUNT),
                integer(single(query, "_offset"), "_offset", 0, 0, Integer.MAX_VALUE));
    }

    /** Every {@code date} value holds for {@code day}. */
    public boolean matchesDate(LocalDate day) {
        return dates.stream().allMatch(date -> day != null && date.matches(day));
    }

    /** No {@code code} was asked for, or one of them is among {@code concepts}. */
    public boolean matchesCode(Collection<CodeableConcept> concepts) {
        return codes.isEmpty() || codes.stream().anyMatch(code -> code.matches(concepts));
    }

    /** A patient reference as FHIR clients send it: {@code Patient/<id>} or the bare id, case-sensitive as FHIR ids are. */
    private static UUID patient(String value) {
        if (value == null) {
            throw new InvalidParameterException("patient", "is required: search one patient's records");
        }
        String id = value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
        return FhirIds.parse(id).orElseThrow(() ->
                new InvalidParameterException("patient", "must be a Patient id (a lowercase UUID) or Patient/<id>"));
    }

    private static List<String> values(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        return values == null ? List.of() : values;
    }

    private static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = values(query, name);
        if (values.size() > 1) {
            throw new InvalidParameterException(name, "may be given once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static int integer(String value, String name, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException(name, "must be an integer from " + min + " to " + max);
    }
}
