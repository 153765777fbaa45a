package io.backtrack.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validator the system tests rely on does find what breaks the base R4 profiles. */
class FhirValidationTest {

    @Test
    void aResourceMissingARequiredElementHasAnError() {
        String valid = """
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org",
                 "code":"72514-3"}]},"subject":{"reference":"Patient/1"},"valueInteger":4}""";
        assertThat(FhirValidation.errors(valid)).isEmpty();
        assertThat(FhirValidation.errors(valid.replace("\"status\":\"final\",", ""))).isNotEmpty();
        assertThat(FhirValidation.errors(valid.replace("\"final\"", "\"done\""))).isNotEmpty();
        assertThat(FhirValidation.errors(valid.replace("\"valueInteger\":4", "\"valueQuantity\":{\"value\":4,"
                + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"not a unit\"}"))).isNotEmpty();
    }
}
