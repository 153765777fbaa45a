package io.backtrack.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.ReportedPercent;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReportedPercentTest {

    @Test
    void oneDecimalRoundedHalfUp() {
        assertThat(ReportedPercent.of(22, 30)).isEqualByComparingTo("73.3");
        assertThat(ReportedPercent.of(1, 3)).isEqualByComparingTo("33.3");
        assertThat(ReportedPercent.of(2, 3)).isEqualByComparingTo("66.7");
        assertThat(ReportedPercent.of(1, 8)).isEqualByComparingTo("12.5");
        assertThat(ReportedPercent.of(1, 16)).isEqualByComparingTo("6.3");
        assertThat(ReportedPercent.of(0, 3)).isEqualByComparingTo("0.0");
    }

    @Test
    void cappedAtOneHundredAndOneHundredWhenNothingWasExpected() {
        assertThat(ReportedPercent.of(14, 12)).isEqualTo(new BigDecimal("100.0"));
        assertThat(ReportedPercent.of(0, 0)).isEqualTo(new BigDecimal("100.0"));
        assertThat(ReportedPercent.truncated(14, 12)).isEqualTo(100);
    }

    @Test
    void theSnapshotReportsBothTheTruncatedIntegerAndTheOneDecimalValue() {
        AdherenceSnapshot snapshot = AdherenceSnapshot.of(22, 30, true);
        assertThat(snapshot.percent()).isEqualTo(73);
        assertThat(snapshot.percentage()).isEqualByComparingTo("73.3");
        assertThat(snapshot.percentage().scale()).isEqualTo(1);
    }
}
