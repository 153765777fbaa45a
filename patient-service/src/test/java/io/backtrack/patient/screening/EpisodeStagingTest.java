package io.backtrack.patient.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.contracts.clinical.EpisodeStage;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EpisodeStagingTest {

    private static final LocalDate INTAKE = LocalDate.of(2026, 3, 1);

    @ParameterizedTest(name = "{0} days from onset → {1}")
    @CsvSource({
            "0, ACUTE",
            "27, ACUTE",
            "28, SUBACUTE",
            "84, SUBACUTE",
            "85, CHRONIC",
            "400, CHRONIC"})
    void stageFollowsWholeDaysFromOnset(int days, EpisodeStage expected) {
        assertThat(EpisodeStaging.stage(INTAKE.minusDays(days), INTAKE, Rules.DEFAULTS)).isEqualTo(expected);
    }
}
