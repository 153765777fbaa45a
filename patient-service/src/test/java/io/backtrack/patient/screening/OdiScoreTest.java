package io.backtrack.patient.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OdiScoreTest {

    private static OdiScore score(Integer... sections) {
        return OdiScore.of(new OdiAnswers(sections[0], sections[1], sections[2], sections[3], sections[4], sections[5],
                sections[6], sections[7], sections[8], sections[9]), Rules.DEFAULTS);
    }

    @Test
    void tenSectionsDoubleTheSum() {
        OdiScore odi = score(2, 2, 2, 2, 2, 2, 1, 1, 1, 1);
        assertThat(odi.rawSum()).isEqualTo(16);
        assertThat(odi.percent()).isEqualByComparingTo("32.0");
        assertThat(odi.missingReason()).isNull();
    }

    @Test
    void nineSectionsDivideByFortyFiveRoundedHalfUp() {
        OdiScore odi = score(2, 2, 2, 2, 2, 2, 1, null, 2, 1);
        assertThat(odi.rawSum()).isEqualTo(16);
        assertThat(odi.sectionsAnswered()).isEqualTo(9);
        assertThat(odi.percent()).isEqualByComparingTo(new BigDecimal("35.6"));
    }

    @Test
    void eightSectionsAreEnough() {
        OdiScore odi = score(1, 1, 1, 1, 1, 1, 1, null, null, 0);
        assertThat(odi.scored()).isTrue();
        assertThat(odi.percent()).isEqualByComparingTo("17.5");
    }

    @Test
    void sevenSectionsGiveNoScoreAndTheRule() {
        OdiScore odi = score(1, 1, 1, 1, 1, 1, 1, null, null, null);
        assertThat(odi.scored()).isFalse();
        assertThat(odi.percent()).isNull();
        assertThat(odi.missingReason()).isEqualTo("ODI-MIN-SECTIONS");
    }

    @Test
    void allZeroAndAllFiveAreTheEnds() {
        assertThat(score(0, 0, 0, 0, 0, 0, 0, 0, 0, 0).percent()).isEqualByComparingTo("0.0");
        assertThat(score(5, 5, 5, 5, 5, 5, 5, 5, 5, 5).percent()).isEqualByComparingTo("100.0");
    }
}
