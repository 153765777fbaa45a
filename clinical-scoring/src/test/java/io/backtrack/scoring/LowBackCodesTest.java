package io.backtrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LowBackCodesTest {

    /**
     * The codes of an unspecified or other site under the condition groups' prefixes
     * (docs/clinical-rules.md): a clinic that codes a chronic pain syndrome or a radiculopathy this way
     * must be able to record it, or the rules of its group never meet the patient.
     */
    @ParameterizedTest
    @ValueSource(strings = {"G90.50", "G90.59", "G57.70", "M54.10", "M54.15", "M54.18"})
    void aCodeOfAnUnspecifiedSiteUnderAGroupIsKnown(String code) {
        assertThat(LowBackCodes.description(code)).isPresent();
    }

    @Test
    void aCodeThatIsNoneOfThemIsUnknown() {
        assertThat(LowBackCodes.unknown(List.of("M54.50", "M54.1", "G90.5", "m54.50"))).containsExactly("M54.1",
                "G90.5", "m54.50");
    }
}
