package io.backtrack.outcome.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.outcome.MeasureChange;
import io.backtrack.scoring.MeasureComparison;
import io.backtrack.scoring.OdiScore;
import io.backtrack.scoring.Score;
import org.junit.jupiter.api.Test;

/** MCID boundaries of docs/clinical-rules.md §4, in exact arithmetic. */
class VerdictTest {

    private static final MeasureComparison PAIN = new MeasureComparison(2, 30, 2);
    private static final MeasureComparison ODI = new MeasureComparison(10, 30, 10);

    private static MeasureChange pain(int baseline, int current) {
        return PAIN.compare(Score.of(baseline), Score.of(current));
    }

    private static MeasureChange odi(int baselineRaw, int currentRaw) {
        return ODI.compare(new OdiScore(baselineRaw, 10).exact(), new OdiScore(currentRaw, 10).exact());
    }

    @Test
    void painDropOfExactlyTwoImproves() {
        assertThat(pain(7, 5).improved()).isTrue();
        assertThat(pain(7, 6).improved()).isFalse();
    }

    @Test
    void painDropOfOneImprovesWhenItIsThirtyPercentOfALowBaseline() {
        assertThat(pain(3, 2).improved()).isTrue();
        assertThat(pain(4, 3).improved()).isFalse();
    }

    @Test
    void odiDropOfExactlyTenPointsImproves() {
        assertThat(odi(30, 25).improved()).isTrue();
        assertThat(odi(30, 26).improved()).isFalse();
        assertThat(odi(30, 25).change()).isEqualByComparingTo("10");
    }

    @Test
    void odiRelativeDropOfThirtyPercentImproves() {
        // 20 % → 14 %: 6 points, exactly 30 % of the baseline
        assertThat(odi(10, 7).improved()).isTrue();
        // 20 % → 16 %: 4 points, 20 %
        assertThat(odi(10, 8).improved()).isFalse();
    }

    @Test
    void relativeDropIsComparedOnTheExactFraction() {
        // baseline 340/9 % (37.8), current 26.7 (≈ 240/9): drop 100/9 ≥ 10 points
        MeasureChange change = ODI.compare(new OdiScore(17, 9).exact(), new OdiScore(12, 9).exact());
        assertThat(change.improved()).isTrue();
    }

    @Test
    void risesOfTwoAndTenAreWorsening() {
        assertThat(pain(4, 6).worse()).isTrue();
        assertThat(pain(4, 5).worse()).isFalse();
        assertThat(odi(10, 15).worse()).isTrue();
        assertThat(odi(10, 14).worse()).isFalse();
        assertThat(Verdict.of(pain(4, 6), odi(10, 5))).isEqualTo(ReviewVerdict.WORSENING);
        assertThat(Verdict.of(pain(6, 3), odi(10, 15))).isEqualTo(ReviewVerdict.WORSENING);
    }

    @Test
    void baselineZeroCannotImproveButCanWorsen() {
        assertThat(pain(0, 0).improved()).isFalse();
        assertThat(pain(0, 2).worse()).isTrue();
        assertThat(odi(0, 0).improved()).isFalse();
    }

    @Test
    void verdicts() {
        assertThat(Verdict.of(pain(6, 4), odi(20, 15))).isEqualTo(ReviewVerdict.RESPONDING);
        assertThat(Verdict.of(pain(6, 4), odi(20, 19))).isEqualTo(ReviewVerdict.PARTIAL);
        assertThat(Verdict.of(pain(6, 5), odi(20, 15))).isEqualTo(ReviewVerdict.PARTIAL);
        assertThat(Verdict.of(pain(6, 6), odi(20, 20))).isEqualTo(ReviewVerdict.NON_RESPONDING);
    }

    @Test
    void withoutAnIntakeOdiPainAloneIsAtBestPartial() {
        assertThat(Verdict.of(pain(6, 2), null)).isEqualTo(ReviewVerdict.PARTIAL);
        assertThat(Verdict.of(pain(6, 6), null)).isEqualTo(ReviewVerdict.NON_RESPONDING);
    }
}
