package io.backtrack.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backtrack.platform.audit.OutOfReachException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FhirIdsTest {

    private static final UUID ID = UUID.fromString("5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f");

    @Test
    void aRecordIdIsItsUuidAndNothingElse() {
        assertThat(FhirIds.uuid(ID.toString())).isEqualTo(ID);
        for (String other : List.of(ID + "-pain", ID.toString().toUpperCase(), "12", "", ID.toString().substring(1) + "x")) {
            assertThatThrownBy(() -> FhirIds.uuid(other)).as(other).isInstanceOfSatisfying(OutOfReachException.class,
                    e -> assertThat(e.problem().status()).isEqualTo(404));
        }
    }

    @Test
    void aDerivedIdIsNamedAfterTheUuidItStartsWith() {
        assertThat(FhirIds.uuidAt(ID + "-pain")).isEqualTo(ID);
        assertThat(FhirIds.uuidAt(ID + "-M54.50")).isEqualTo(ID);
        assertThat(FhirIds.uuidAt(ID.toString())).isEqualTo(ID);
        for (String other : List.of(ID + "pain", "x" + ID, ID.toString().substring(0, 35))) {
            assertThatThrownBy(() -> FhirIds.uuidAt(other)).as(other).isInstanceOf(OutOfReachException.class);
        }
    }
}
