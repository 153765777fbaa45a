package io.backtrack.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCourseTest {

    private static Plan version(int number, String createdAt, int sessionsPerWeek) {
        Plan plan = new Plan();
        plan.version = number;
        plan.createdAt = Instant.parse(createdAt);
        plan.sessionsPerWeek = sessionsPerWeek;
        return plan;
    }

    private final PlanCourse course = new PlanCourse(List.of(
            version(1, "2026-10-07T09:00:00Z", 4),
            version(2, "2026-10-14T15:30:00Z", 2),
            version(3, "2026-10-14T18:00:00Z", 3)));

    @Test
    void theFirstVersionIsInForceBeforeItWasCreated() {
        assertThat(course.inForceOn(LocalDate.parse("2026-09-30")).version).isEqualTo(1);
        assertThat(course.inForceAt(Instant.parse("2026-09-30T12:00:00Z")).version).isEqualTo(1);
    }

    @Test
    void aWeekIsPrescribedByTheLastVersionCreatedOnOrBeforeItsFirstDay() {
        assertThat(course.inForceOn(LocalDate.parse("2026-10-13")).sessionsPerWeek).isEqualTo(4);
        assertThat(course.inForceOn(LocalDate.parse("2026-10-14")).sessionsPerWeek).isEqualTo(3);
    }

    @Test
    void aSessionCountsAgainstTheVersionInForceAtTheMomentItWasPerformed() {
        assertThat(course.inForceAt(Instant.parse("2026-10-14T15:29:59Z")).version).isEqualTo(1);
        assertThat(course.inForceAt(Instant.parse("2026-10-14T15:30:00Z")).version).isEqualTo(2);
        assertThat(course.inForceAt(Instant.parse("2026-10-20T00:00:00Z")).version).isEqualTo(3);
    }
}
