package io.backtrack.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backtrack.platform.input.InvalidParameterException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

class FhirSearchTest {

    private static final UUID PATIENT = UUID.fromString("0b6f3c2e-8f7c-4a59-9d3e-2f1a6c1b9e41");

    @Test
    void thePatientIsRequiredAndReadAsAReferenceOrAnId() {
        assertThat(search(Map.of("patient", List.of("Patient/" + PATIENT))).patient()).isEqualTo(PATIENT);
        assertThat(search(Map.of("patient", List.of(PATIENT.toString()))).patient()).isEqualTo(PATIENT);
        assertRefused(Map.of(), "patient");
        assertRefused(Map.of("patient", List.of("Patient/12")), "patient");
        assertRefused(Map.of("patient", List.of(PATIENT.toString(), PATIENT.toString())), "patient");
    }

    @Test
    void aParameterTheTypeDoesNotSupportIsRefusedNotIgnored() {
        assertRefused(Map.of("patient", List.of(PATIENT.toString()), "status", List.of("active")), "status");
        assertRefused(Map.of("patient", List.of(PATIENT.toString()), "date", List.of("2026-01-01")), "date",
                Set.of("code"));
        assertThat(search(Map.of("patient", List.of(PATIENT.toString()), "_format", List.of("json"))).count())
                .isEqualTo(FhirSearch.DEFAULT_COUNT);
        assertRefused(Map.of("patient", List.of(PATIENT.toString()), "_format", List.of("xml")), "_format");
    }

    @Test
    void aPatientIdInAnotherCaseIsNotOurs() {
        assertRefused(Map.of("patient", List.of(PATIENT.toString().toUpperCase())), "patient");
    }

    @Test
    void pagingIsBounded() {
        assertThat(search(Map.of("patient", List.of(PATIENT.toString()), "_count", List.of("1"))).count()).isEqualTo(1);
        assertThat(search(Map.of("patient", List.of(PATIENT.toString()), "_count", List.of("200"))).count()).isEqualTo(200);
        assertThat(search(Map.of("patient", List.of(PATIENT.toString()), "_offset", List.of("7"))).offset()).isEqualTo(7);
        for (String count : List.of("0", "201", "-1", "1.5", "ten")) {
            assertRefused(Map.of("patient", List.of(PATIENT.toString()), "_count", List.of(count)), "_count");
        }
        assertRefused(Map.of("patient", List.of(PATIENT.toString()), "_offset", List.of("-1")), "_offset");
    }

    @Test
    void datePrefixesCompareAtDayPrecision() {
        LocalDate day = LocalDate.parse("2026-03-10");
        assertThat(dates("2026-03-10").matchesDate(day)).isTrue();
        assertThat(dates("eq2026-03-11").matchesDate(day)).isFalse();
        assertThat(dates("ne2026-03-10").matchesDate(day)).isFalse();
        assertThat(dates("ge2026-03-10").matchesDate(day)).isTrue();
        assertThat(dates("gt2026-03-10").matchesDate(day)).isFalse();
        assertThat(dates("le2026-03-10").matchesDate(day)).isTrue();
        assertThat(dates("lt2026-03-10").matchesDate(day)).isFalse();
        assertThat(dates("lt2026-03-11").matchesDate(day)).isTrue();
        assertThat(dates("ge2026-03-01", "lt2026-04-01").matchesDate(day)).isTrue();
        assertThat(dates("ge2026-03-11", "lt2026-04-01").matchesDate(day)).isFalse();
        assertThat(dates("ge2026-03-01").matchesDate(null)).isFalse();
        for (String bad : List.of("sa2026-03-10", "2026-3-10", "2026-03-10T10:00:00Z", "yesterday")) {
            assertRefused(Map.of("patient", List.of(PATIENT.toString()), "date", List.of(bad)), "date");
        }
    }

    @Test
    void codesMatchWithOrWithoutTheirSystem() {
        List<CodeableConcept> pain = List.of(new CodeableConcept(new Coding("http://loinc.org", "72514-3", "Pain")));
        assertThat(codes("http://loinc.org|72514-3").matchesCode(pain)).isTrue();
        assertThat(codes("72514-3").matchesCode(pain)).isTrue();
        assertThat(codes("|72514-3").matchesCode(pain)).as("|code is a code without a system").isFalse();
        assertThat(codes("|72514-3").matchesCode(List.of(new CodeableConcept(new Coding(null, "72514-3", null)))))
                .isTrue();
        for (String empty : List.of("", "http://loinc.org|", "72514-3,")) {
            assertRefused(Map.of("patient", List.of(PATIENT.toString()), "code", List.of(empty)), "code");
        }
        assertThat(codes("http://snomed.info/sct|72514-3").matchesCode(pain)).isFalse();
        assertThat(codes("97909-6,72514-3").matchesCode(pain)).isTrue();
        assertThat(codes("97909-6").matchesCode(pain)).isFalse();
        assertThat(search(Map.of("patient", List.of(PATIENT.toString()))).matchesCode(pain)).isTrue();
    }

    private static FhirSearch dates(String... values) {
        return FhirSearch.of(query(Map.of("patient", List.of(PATIENT.toString()), "date", List.of(values))),
                Set.of("date"));
    }

    private static FhirSearch codes(String value) {
        return FhirSearch.of(query(Map.of("patient", List.of(PATIENT.toString()), "code", List.of(value))),
                Set.of("code"));
    }

    private static FhirSearch search(Map<String, List<String>> parameters) {
        return FhirSearch.of(query(parameters), Set.of("code", "date"));
    }

    private static void assertRefused(Map<String, List<String>> parameters, String parameter) {
        assertRefused(parameters, parameter, Set.of("code", "date"));
    }

    private static void assertRefused(Map<String, List<String>> parameters, String parameter, Set<String> supported) {
        assertThatThrownBy(() -> FhirSearch.of(query(parameters), supported))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    private static MultivaluedMap<String, String> query(Map<String, List<String>> parameters) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        parameters.forEach(query::put);
        return query;
    }
}
