package io.backtrack.patient.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.patient.Fixtures;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A FHIR body is labelled as what it is, JSON in UTF-8, whatever parameters the client's Accept carried. */
@QuarkusTest
class FhirMediaTypeTest {

    private static final String CLINIC = "clinic-fhir-media-type";

    @Test
    void theBodyIsLabelledUtf8WhateverTheAcceptAskedFor() {
        String patient = Fixtures.registerPatient(CLINIC, null);

        var response = given().auth().oauth2(TestTokens.clinician(CLINIC))
                .accept("application/fhir+json;charset=iso-8859-1;fhirVersion=4.0;q=0.9")
                .get("/fhir/r4/Patient/" + patient).then().statusCode(200).extract();

        assertThat(response.contentType()).isEqualTo("application/fhir+json;charset=UTF-8");
        assertThat(new String(response.asByteArray(), StandardCharsets.UTF_8)).contains("\"resourceType\":\"Patient\"");
    }
}
