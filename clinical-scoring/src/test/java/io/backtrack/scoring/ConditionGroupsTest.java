package io.backtrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionGroupsTest {

    @Test
    void aTrailingDashCoversTheCodesUnderItAndAPlainCodeOnlyItself() {
        assertThat(ConditionGroups.chronicPainSyndrome(List.of("G90.50"))).isTrue();
        assertThat(ConditionGroups.chronicPainSyndrome(List.of("G57.71"))).isTrue();
        assertThat(ConditionGroups.chronicPainSyndrome(List.of("M79.7"))).isTrue();
        assertThat(ConditionGroups.chronicPainSyndrome(List.of("G89.4"))).isTrue();
        assertThat(ConditionGroups.chronicPainSyndrome(List.of("M79.70"))).isFalse();
        assertThat(ConditionGroups.chronicPainSyndrome(List.of("G89.41"))).isFalse();
        assertThat(ConditionGroups.chronicPainSyndrome(List.of("M54.50"))).isFalse();
    }

    @Test
    void codesAreComparedTrimmedAndInUpperCase() {
        assertThat(ConditionGroups.chronicPainSyndrome(List.of(" g89.4 "))).isTrue();
        assertThat(ConditionGroups.radicular(List.of("m51.16"))).isTrue();
        assertThat(IcdCodes.firstUnder(List.of("M51.1"), List.of("M54.5", "m51.17"))).contains("m51.17");
    }

    @Test
    void stenosisClaudicationIsOnTheRadicularPathwayButIsNotRadicular() {
        assertThat(ConditionGroups.radicularOrStenosis(List.of("M48.062"))).isTrue();
        assertThat(ConditionGroups.radicular(List.of("M48.062"))).isFalse();
        assertThat(ConditionGroups.radicularOrStenosis(List.of("M48.061"))).isFalse();
        assertThat(ConditionGroups.radicular(List.of("M47.26"))).isTrue();
        assertThat(ConditionGroups.radicular(List.of("M47.27"))).isFalse();
        assertThat(ConditionGroups.radicular(List.of("M54.16"))).isTrue();
        assertThat(ConditionGroups.radicular(List.of("M54.5"))).isFalse();
    }
}
