package io.backtrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctPsfsActivitiesTest {

    private final DistinctPsfsActivities.Check check = new DistinctPsfsActivities.Check();

    private boolean distinct(String... activities) {
        List<PsfsActivity> rated = Arrays.stream(activities).map(activity -> new PsfsActivity(activity, 5)).toList();
        return check.isValid(rated, null);
    }

    @Test
    void differentActivitiesAreDistinct() {
        assertThat(distinct("Walking", "Sitting at work", "Lifting a child")).isTrue();
        assertThat(distinct("Walking 1 km", "Walking 5 km")).isTrue();
    }

    @Test
    void anActivityNamedTwiceInAnotherCaseOrSpacingIsNot() {
        assertThat(distinct("Walking", "walking")).isFalse();
        assertThat(distinct("Sitting at work", " sitting  at WORK ")).isFalse();
    }

    @Test
    void noScaleAndNullsAreLeftToTheirOwnConstraints() {
        assertThat(check.isValid(null, null)).isTrue();
        assertThat(check.isValid(List.of(), null)).isTrue();
        assertThat(check.isValid(Arrays.asList(null, new PsfsActivity(null, 3), new PsfsActivity("Walking", 3)), null))
                .isTrue();
    }
}
