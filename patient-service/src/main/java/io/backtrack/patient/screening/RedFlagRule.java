package io.backtrack.patient.screening;

import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import java.util.List;
import java.util.function.Predicate;

/** One red-flag rule of docs/clinical-rules.md §1: when it fires, the flag, its urgency and what it may mean. */
public record RedFlagRule(RedFlagCode flag, Urgency urgency, SuspectedCondition suspected, Predicate<RedFlagAnswers> when) {

    public static final List<RedFlagRule> ALL = List.of(
            new RedFlagRule(RedFlagCode.BLADDER_BOWEL_DYSFUNCTION, Urgency.EMERGENCY,
                    SuspectedCondition.CAUDA_EQUINA_SYNDROME, RedFlagAnswers::newBladderOrBowelDysfunction),
            new RedFlagRule(RedFlagCode.SADDLE_NUMBNESS, Urgency.EMERGENCY,
                    SuspectedCondition.CAUDA_EQUINA_SYNDROME, RedFlagAnswers::saddleNumbness),
            new RedFlagRule(RedFlagCode.BILATERAL_LEG_DEFICIT, Urgency.EMERGENCY,
                    SuspectedCondition.CAUDA_EQUINA_SYNDROME, RedFlagAnswers::bilateralLegNeurologicalDeficit),
            new RedFlagRule(RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS, Urgency.URGENT,
                    SuspectedCondition.SEVERE_NEUROLOGICAL_DEFICIT, RedFlagAnswers::progressiveMotorWeakness),
            new RedFlagRule(RedFlagCode.INFECTION_RISK, Urgency.URGENT, SuspectedCondition.SPINAL_INFECTION,
                    a -> a.fever() && (a.recentInfection() || a.immunosuppression() || a.intravenousDrugUse())),
            new RedFlagRule(RedFlagCode.MALIGNANCY_RISK, Urgency.URGENT, SuspectedCondition.MALIGNANCY,
                    a -> a.historyOfCancer() || a.unexplainedWeightLoss()),
            new RedFlagRule(RedFlagCode.FRACTURE_RISK, Urgency.URGENT, SuspectedCondition.FRACTURE,
                    a -> a.majorTrauma() || (a.minorTrauma() && (a.osteoporosis() || a.longTermCorticosteroids()))));

    /** The rule of a flag, for a flag reported directly (in a session) rather than found by the screen. */
    public static RedFlagRule of(RedFlagCode flag) {
        return ALL.stream().filter(rule -> rule.flag() == flag).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule for " + flag));
    }
}
