package io.backtrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PsfsScoreTest {

    private static PsfsScore rated(Integer... ratings) {
        return PsfsScore.of(Arrays.stream(ratings).map(r -> new PsfsActivity("activity", r)).toList());
    }

    @Test
    void theMeanIsRoundedHalfUpToOneDecimal() {
        assertThat(rated(3, 4, 4).mean()).isEqualByComparingTo("3.7");
        assertThat(rated(3, 4).mean()).isEqualByComparingTo("3.5");
        assertThat(rated(1, 2, 2, 2, 2).mean()).isEqualByComparingTo("1.8");
        assertThat(rated(0, 0, 1).mean()).isEqualByComparingTo("0.3");
    }

    @Test
    void oneActivityIsItsOwnMean() {
        assertThat(rated(10).mean()).isEqualByComparingTo("10.0");
    }
}
