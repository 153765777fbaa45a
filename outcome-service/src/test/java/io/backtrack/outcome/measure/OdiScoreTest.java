package io.backtrack.outcome.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.scoring.OdiAnswers;
import io.backtrack.scoring.OdiScore;
import org.junit.jupiter.api.Test;

/** ODI as outcome-service compares it: the shared score, taken as an exact fraction. */
class OdiScoreTest {

    private static final int MIN_SECTIONS = 8;

    private static Score exact(OdiScore score) {
        return Score.odiPercent(score.rawSum(), score.sectionsAnswered());
    }

    @Test
    void tenSectionsDoubleTheSum() {
        OdiScore score = OdiScore.of(new OdiAnswers(2, 2, 2, 2, 2, 2, 1, 1, 1, 1));
        assertThat(score.scoredWith(MIN_SECTIONS)).isTrue();
        assertThat(score.rawSum()).isEqualTo(16);
        assertThat(score.percent()).isEqualByComparingTo("32.0");
        assertThat(exact(score).atLeast(32)).isTrue();
        assertThat(exact(score).atLeast(33)).isFalse();
    }

    @Test
    void nineSectionsLowerTheDenominatorByFive() {
        OdiScore score = OdiScore.of(new OdiAnswers(2, 2, 2, 2, 2, 2, 1, null, 2, 1));
        assertThat(score.sectionsAnswered()).isEqualTo(9);
        assertThat(score.percent()).isEqualByComparingTo("35.6");
        assertThat(exact(score).atLeast(36)).isFalse();
    }

    @Test
    void eightSectionsStillScore() {
        OdiScore score = OdiScore.of(new OdiAnswers(2, 2, 2, 2, 2, 2, 2, null, 2, null));
        assertThat(score.scoredWith(MIN_SECTIONS)).isTrue();
        assertThat(score.percent()).isEqualByComparingTo("40.0");
        assertThat(exact(score).atLeast(40)).isTrue();
    }

    @Test
    void sevenSectionsAreNotAScore() {
        OdiScore score = OdiScore.of(new OdiAnswers(2, 2, 2, 2, 2, 2, 2, null, null, null));
        assertThat(score.sectionsAnswered()).isEqualTo(7);
        assertThat(score.scoredWith(MIN_SECTIONS)).isFalse();
        assertThat(score.scoredWith(MIN_SECTIONS - 1)).isTrue();
    }

    @Test
    void comparisonsUseTheExactFractionNotTheRoundedPercent() {
        Score nineOfNine = Score.odiPercent(17, 9);
        assertThat(nineOfNine.display()).isEqualByComparingTo("37.8");
        assertThat(nineOfNine.atLeast(38)).isFalse();
    }
}
