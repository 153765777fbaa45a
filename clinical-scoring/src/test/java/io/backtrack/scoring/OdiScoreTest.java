package io.backtrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OdiScoreTest {

    /** The minimum both services ship with. */
    private static final int MIN_SECTIONS = 8;

    private static OdiScore score(Integer... sections) {
        return OdiScore.of(new OdiAnswers(sections[0], sections[1], sections[2], sections[3], sections[4], sections[5],
                sections[6], sections[7], sections[8], sections[9]));
    }

    @Test
    void tenSectionsDoubleTheSum() {
        OdiScore odi = score(2, 2, 2, 2, 2, 2, 1, 1, 1, 1);
        assertThat(odi.rawSum()).isEqualTo(16);
        assertThat(odi.percent()).isEqualByComparingTo("32.0");
        assertThat(odi.scoredWith(MIN_SECTIONS)).isTrue();
        assertThat(odi.exact().atLeast(32)).isTrue();
        assertThat(odi.exact().atLeast(33)).isFalse();
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
        assertThat(odi.scoredWith(MIN_SECTIONS)).isTrue();
        assertThat(odi.percent()).isEqualByComparingTo("17.5");
    }

    @Test
    void sevenSectionsGiveNoScoreAndTheRule() {
        OdiScore odi = score(1, 1, 1, 1, 1, 1, 1, null, null, null);
        assertThat(odi.scoredWith(MIN_SECTIONS)).isFalse();
        assertThat(odi.sectionsAnswered()).isEqualTo(7);
        assertThat(OdiScore.MIN_SECTIONS_RULE).isEqualTo("ODI-MIN-SECTIONS");
    }

    @Test
    void allZeroAndAllFiveAreTheEnds() {
        assertThat(score(0, 0, 0, 0, 0, 0, 0, 0, 0, 0).percent()).isEqualByComparingTo("0.0");
        assertThat(score(5, 5, 5, 5, 5, 5, 5, 5, 5, 5).percent()).isEqualByComparingTo("100.0");
    }

    @Test
    void comparisonsUseTheExactFractionNotTheRoundedPercent() {
        OdiScore nineOfNine = new OdiScore(17, 9);
        assertThat(nineOfNine.percent()).isEqualByComparingTo("37.8");
        assertThat(nineOfNine.exact().display()).isEqualByComparingTo("37.8");
        assertThat(nineOfNine.exact().atLeast(38)).isFalse();
        assertThat(new OdiScore(16, 8).exact().atLeast(40)).isTrue();
    }
}
