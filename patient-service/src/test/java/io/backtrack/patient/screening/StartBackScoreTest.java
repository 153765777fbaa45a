package io.backtrack.patient.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.patient.StartBackResult;
import org.junit.jupiter.api.Test;

class StartBackScoreTest {

    /** Physical items 1–4, psychosocial items 5–8, and item 9. */
    private static StartBackAnswers answers(int physical, int psychosocial, Bothersomeness item9) {
        return new StartBackAnswers(physical > 0, physical > 1, physical > 2, physical > 3,
                psychosocial > 0, psychosocial > 1, psychosocial > 2, psychosocial > 3, item9);
    }

    private static StartBackResult score(int physical, int psychosocial, Bothersomeness item9) {
        return StartBackScore.score(answers(physical, psychosocial, item9), Rules.DEFAULTS);
    }

    @Test
    void totalOfThreeIsLowAndFourIsNot() {
        assertThat(score(3, 0, Bothersomeness.NOT_AT_ALL)).isEqualTo(new StartBackResult(3, 0, StartBackRisk.LOW));
        assertThat(score(4, 0, Bothersomeness.NOT_AT_ALL)).isEqualTo(new StartBackResult(4, 0, StartBackRisk.MEDIUM));
    }

    @Test
    void subscaleOfThreeIsMediumAndFourIsHigh() {
        assertThat(score(1, 3, Bothersomeness.NOT_AT_ALL)).isEqualTo(new StartBackResult(4, 3, StartBackRisk.MEDIUM));
        assertThat(score(0, 4, Bothersomeness.NOT_AT_ALL)).isEqualTo(new StartBackResult(4, 4, StartBackRisk.HIGH));
    }

    @Test
    void highSubscaleNeedsATotalAboveLow() {
        assertThat(score(0, 3, Bothersomeness.EXTREMELY)).isEqualTo(new StartBackResult(4, 4, StartBackRisk.HIGH));
        assertThat(score(0, 3, Bothersomeness.MODERATELY)).isEqualTo(new StartBackResult(3, 3, StartBackRisk.LOW));
    }

    @Test
    void itemNineCountsOnlyForVeryMuchAndExtremely() {
        assertThat(score(0, 0, Bothersomeness.MODERATELY).total()).isZero();
        assertThat(score(0, 0, Bothersomeness.VERY_MUCH).total()).isEqualTo(1);
        assertThat(score(0, 0, Bothersomeness.VERY_MUCH).psychosocialSubscale()).isEqualTo(1);
        assertThat(score(0, 0, Bothersomeness.EXTREMELY).total()).isEqualTo(1);
    }

    @Test
    void everythingAgreedIsNineAndFive() {
        assertThat(score(4, 4, Bothersomeness.EXTREMELY)).isEqualTo(new StartBackResult(9, 5, StartBackRisk.HIGH));
    }
}
