package io.backtrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReviewWeeksTest {

    @Test
    void onlyWeeksFourAndSixAreReviewed() {
        assertThat(IntStream.rangeClosed(0, 52).filter(ReviewWeeks::isReviewWeek).boxed()).containsExactly(4, 6);
    }

    @Test
    void aReviewFallsDueSevenDaysAWeekFromDayZero() {
        LocalDate dayZero = LocalDate.of(2026, 10, 29);
        assertThat(ReviewWeeks.dueOn(dayZero, ReviewWeeks.FIRST)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(ReviewWeeks.dueOn(dayZero, ReviewWeeks.SECOND)).isEqualTo(LocalDate.of(2026, 12, 10));
    }
}
