package io.backtrack.patient.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.contracts.clinical.WatchFlagCode;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedFlagScreenTest {

    private static final List<String> QUESTIONS = List.of("newBladderOrBowelDysfunction", "saddleNumbness",
            "bilateralLegNeurologicalDeficit", "progressiveMotorWeakness", "fever", "recentInfection",
            "immunosuppression", "intravenousDrugUse", "historyOfCancer", "unexplainedWeightLoss", "majorTrauma",
            "minorTrauma", "osteoporosis", "longTermCorticosteroids", "constantNightPain");

    static RedFlagAnswers yes(String... answeredYes) {
        Set<String> yes = Set.of(answeredYes);
        Boolean[] a = QUESTIONS.stream().map(yes::contains).toArray(Boolean[]::new);
        return new RedFlagAnswers(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12],
                a[13], a[14]);
    }

    static Stream<Arguments> firingCases() {
        return Stream.of(
                Arguments.of(new String[] {"newBladderOrBowelDysfunction"}, RedFlagCode.BLADDER_BOWEL_DYSFUNCTION, Urgency.EMERGENCY, SuspectedCondition.CAUDA_EQUINA_SYNDROME),
                Arguments.of(new String[] {"saddleNumbness"}, RedFlagCode.SADDLE_NUMBNESS, Urgency.EMERGENCY, SuspectedCondition.CAUDA_EQUINA_SYNDROME),
                Arguments.of(new String[] {"bilateralLegNeurologicalDeficit"}, RedFlagCode.BILATERAL_LEG_DEFICIT, Urgency.EMERGENCY, SuspectedCondition.CAUDA_EQUINA_SYNDROME),
                Arguments.of(new String[] {"progressiveMotorWeakness"}, RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS, Urgency.URGENT, SuspectedCondition.SEVERE_NEUROLOGICAL_DEFICIT),
                Arguments.of(new String[] {"fever", "recentInfection"}, RedFlagCode.INFECTION_RISK, Urgency.URGENT, SuspectedCondition.SPINAL_INFECTION),
                Arguments.of(new String[] {"fever", "immunosuppression"}, RedFlagCode.INFECTION_RISK, Urgency.URGENT, SuspectedCondition.SPINAL_INFECTION),
                Arguments.of(new String[] {"fever", "intravenousDrugUse"}, RedFlagCode.INFECTION_RISK, Urgency.URGENT, SuspectedCondition.SPINAL_INFECTION),
                Arguments.of(new String[] {"historyOfCancer"}, RedFlagCode.MALIGNANCY_RISK, Urgency.URGENT, SuspectedCondition.MALIGNANCY),
                Arguments.of(new String[] {"unexplainedWeightLoss"}, RedFlagCode.MALIGNANCY_RISK, Urgency.URGENT, SuspectedCondition.MALIGNANCY),
                Arguments.of(new String[] {"majorTrauma"}, RedFlagCode.FRACTURE_RISK, Urgency.URGENT, SuspectedCondition.FRACTURE),
                Arguments.of(new String[] {"minorTrauma", "osteoporosis"}, RedFlagCode.FRACTURE_RISK, Urgency.URGENT, SuspectedCondition.FRACTURE),
                Arguments.of(new String[] {"minorTrauma", "longTermCorticosteroids"}, RedFlagCode.FRACTURE_RISK, Urgency.URGENT, SuspectedCondition.FRACTURE));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("firingCases")
    void eachRuleFiresWithItsUrgency(String[] answers, RedFlagCode flag, Urgency urgency, SuspectedCondition suspected) {
        assertThat(RedFlagScreen.redFlags(yes(answers)))
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.flag()).isEqualTo(flag);
                    assertThat(rule.urgency()).isEqualTo(urgency);
                    assertThat(rule.suspected()).isEqualTo(suspected);
                });
    }

    @Test
    void halfOfACombinationDoesNotFire() {
        assertThat(RedFlagScreen.redFlags(yes("fever"))).isEmpty();
        assertThat(RedFlagScreen.redFlags(yes("recentInfection", "immunosuppression", "intravenousDrugUse"))).isEmpty();
        assertThat(RedFlagScreen.redFlags(yes("minorTrauma"))).isEmpty();
        assertThat(RedFlagScreen.redFlags(yes("osteoporosis", "longTermCorticosteroids"))).isEmpty();
    }

    @Test
    void severalFlagsAreAllReported() {
        assertThat(RedFlagScreen.redFlags(yes("saddleNumbness", "historyOfCancer", "majorTrauma")))
                .extracting(RedFlagRule::flag)
                .containsExactly(RedFlagCode.SADDLE_NUMBNESS, RedFlagCode.MALIGNANCY_RISK, RedFlagCode.FRACTURE_RISK);
    }

    @Test
    void nightPainIsWatchOnly() {
        assertThat(RedFlagScreen.redFlags(yes("constantNightPain"))).isEmpty();
        assertThat(RedFlagScreen.watchFlags(yes("constantNightPain"), 30, 2, Rules.DEFAULTS))
                .containsExactly(WatchFlagCode.NIGHT_PAIN);
    }

    @Test
    void newPainOverFiftyIsWatchOnly() {
        assertThat(RedFlagScreen.watchFlags(yes(), 50, 0, Rules.DEFAULTS)).isEmpty();
        assertThat(RedFlagScreen.watchFlags(yes(), 51, 0, Rules.DEFAULTS)).containsExactly(WatchFlagCode.AGE_OVER_50_NEW_PAIN);
        assertThat(RedFlagScreen.watchFlags(yes(), 51, null, Rules.DEFAULTS)).containsExactly(WatchFlagCode.AGE_OVER_50_NEW_PAIN);
        assertThat(RedFlagScreen.watchFlags(yes(), 51, 1, Rules.DEFAULTS)).isEmpty();
    }
}
