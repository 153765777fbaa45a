package io.backtrack.outcome.escalation;

import static io.backtrack.contracts.clinical.EscalationType.ADHERENCE_INTERVENTION;
import static io.backtrack.contracts.clinical.EscalationType.EMERGENCY_REFERRAL;
import static io.backtrack.contracts.clinical.EscalationType.IMAGING;
import static io.backtrack.contracts.clinical.EscalationType.INTERVENTIONAL_PAIN;
import static io.backtrack.contracts.clinical.EscalationType.MULTIDISCIPLINARY_PAIN_PROGRAM;
import static io.backtrack.contracts.clinical.EscalationType.PLAN_REVISION;
import static io.backtrack.contracts.clinical.EscalationType.SECOND_OPINION;
import static io.backtrack.contracts.clinical.EscalationType.SURGICAL_CONSULT;
import static io.backtrack.contracts.clinical.EscalationType.URGENT_MEDICAL_REFERRAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.contracts.outcome.MeasureChange;
import io.backtrack.outcome.escalation.Trigger.RedFlagReported;
import io.backtrack.outcome.escalation.Trigger.ReviewOutcome;
import io.backtrack.outcome.escalation.Trigger.SessionReported;
import io.backtrack.outcome.escalation.Trigger.WeeksMissed;
import io.backtrack.scoring.Score;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each ESC-* rule in a case built for it and in its nearest neighbour, through the engine in §5 order. */
class EscalationRulesTest {

    /** The defaults exactly as the service reads them: from the config mapping, with nothing set. */
    private static final EscalationEngine ENGINE = new EscalationEngine(new SmallRyeConfigBuilder()
            .withMapping(EscalationThresholds.class).build().getConfigMapping(EscalationThresholds.class));
    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final MeasureChange SAME = new MeasureChange(BigDecimal.valueOf(6), BigDecimal.valueOf(6),
            BigDecimal.ZERO, false, false);

    private static ClinicalProfile nonSpecific() {
        return new ClinicalProfile(List.of("M54.50"), false, false, StartBackRisk.MEDIUM);
    }

    private static ClinicalProfile withConditions(String... codes) {
        return new ClinicalProfile(List.of(codes), false, false, StartBackRisk.MEDIUM);
    }

    private static ReviewOutcome review(int week, ReviewVerdict verdict, boolean adherent, int odiPercent) {
        return new ReviewOutcome(UUID.randomUUID(), week, START, START.plusDays(7L * week), verdict, SAME, SAME,
                Score.of(odiPercent), adherent ? AdherenceSnapshot.of(17, 20, true) : AdherenceSnapshot.of(8, 20, false));
    }

    private static List<EscalationType> types(Trigger trigger, ClinicalProfile profile) {
        return ENGINE.evaluate(trigger, profile).stream().map(Recommendation::type).toList();
    }

    private static List<String> rules(Trigger trigger, ClinicalProfile profile) {
        return ENGINE.evaluate(trigger, profile).stream().map(Recommendation::ruleId).distinct().toList();
    }

    @Test
    void emergencyRedFlagRefersAsAnEmergency() {
        List<Recommendation> fired = ENGINE.evaluate(
                new RedFlagReported(RedFlagCode.SADDLE_NUMBNESS, Urgency.EMERGENCY, "intake"), nonSpecific());
        assertThat(fired).singleElement().satisfies(r -> {
            assertThat(r.ruleId()).isEqualTo("ESC-RED-FLAG-EMERGENCY");
            assertThat(r.type()).isEqualTo(EMERGENCY_REFERRAL);
            assertThat(r.urgency()).isEqualTo(Urgency.EMERGENCY);
        });
    }

    @Test
    void urgentRedFlagRefersUrgentlyAndOnlyMotorWeaknessAddsImaging() {
        assertThat(types(new RedFlagReported(RedFlagCode.MALIGNANCY_RISK, Urgency.URGENT, "intake"), nonSpecific()))
                .containsExactly(URGENT_MEDICAL_REFERRAL);
        List<Recommendation> motor = ENGINE.evaluate(
                new RedFlagReported(RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS, Urgency.URGENT, "session"), nonSpecific());
        assertThat(motor).extracting(Recommendation::type).containsExactly(URGENT_MEDICAL_REFERRAL, IMAGING);
        assertThat(motor).allSatisfy(r -> {
            assertThat(r.ruleId()).isEqualTo("ESC-RED-FLAG-URGENT");
            assertThat(r.urgency()).isEqualTo(Urgency.URGENT);
        });
    }

    @Test
    void sessionRedFlagsTakeTheirUrgencyFromTheFlag() {
        assertThat(RedFlagUrgency.of(RedFlagCode.BILATERAL_LEG_DEFICIT)).isEqualTo(Urgency.EMERGENCY);
        assertThat(RedFlagUrgency.of(RedFlagCode.FRACTURE_RISK)).isEqualTo(Urgency.URGENT);
    }

    @Test
    void worseningTakesOnlyAnUrgentSecondOpinionEvenWithoutAdherence() {
        for (boolean adherent : new boolean[] {true, false}) {
            List<Recommendation> fired = ENGINE.evaluate(review(4, ReviewVerdict.WORSENING, adherent, 50),
                    withConditions("M51.16"));
            assertThat(fired).singleElement().satisfies(r -> {
                assertThat(r.ruleId()).isEqualTo("ESC-WORSENING");
                assertThat(r.type()).isEqualTo(SECOND_OPINION);
                assertThat(r.urgency()).isEqualTo(Urgency.URGENT);
                assertThat(r.rationale()).contains("re-screen for red flags");
            });
        }
    }

    @Test
    void nonAdherentNonResponderGetsOnlyAnAdherenceIntervention() {
        ClinicalProfile everythingElseWouldFire = new ClinicalProfile(List.of("M51.16"), true, true, StartBackRisk.HIGH);
        for (int week : new int[] {4, 6}) {
            assertThat(rules(review(week, ReviewVerdict.NON_RESPONDING, false, 60), everythingElseWouldFire))
                    .containsExactly("ESC-NON-ADHERENT");
            assertThat(types(review(week, ReviewVerdict.NON_RESPONDING, false, 60), everythingElseWouldFire))
                    .containsExactly(ADHERENCE_INTERVENTION);
        }
        assertThat(types(review(4, ReviewVerdict.PARTIAL, false, 30), nonSpecific())).containsExactly(ADHERENCE_INTERVENTION);
    }

    /** docs/clinical-rules.md §3: to one decimal, rounded half-up, next to the counts behind it. */
    @Test
    void adherenceIsReportedToOneDecimalWithItsCounts() {
        ReviewOutcome eightOfTwelve = new ReviewOutcome(UUID.randomUUID(), 4, START, START.plusDays(28),
                ReviewVerdict.NON_RESPONDING, SAME, SAME, Score.of(30), AdherenceSnapshot.of(8, 12, false));
        assertThat(ENGINE.evaluate(eightOfTwelve, nonSpecific())).singleElement().satisfies(r -> {
            assertThat(r.rationale()).contains("66.7 % (8 of 12 sessions)");
            assertThat(r.evidence()).containsEntry("adherenceCountedSessions", 8)
                    .containsEntry("adherencePrescribedSessions", 12)
                    .containsEntry("adherencePercentage", new BigDecimal("66.7"))
                    .as("the truncated integer of 1.0 evidence, kept for readers of it")
                    .containsEntry("adherencePercent", 66);
        });
    }

    @Test
    void respondingOrAdherentPartialGetsNothing() {
        assertThat(types(review(4, ReviewVerdict.RESPONDING, false, 20), nonSpecific())).isEmpty();
        assertThat(types(review(4, ReviewVerdict.PARTIAL, true, 20), nonSpecific())).isEmpty();
        assertThat(types(review(6, ReviewVerdict.PARTIAL, true, 50), withConditions("M51.16"))).isEmpty();
    }

    @Test
    void twoConsecutiveMissedWeeksTriggerAnAdherenceInterventionAtAnyTime() {
        assertThat(types(new WeeksMissed(UUID.randomUUID(), 3, 2), nonSpecific())).containsExactly(ADHERENCE_INTERVENTION);
        assertThat(types(new WeeksMissed(UUID.randomUUID(), 2, 1), nonSpecific())).isEmpty();
    }

    /** Rules §7: the run trigger fires when a run reaches 2, not again while it grows; a new run reaches 2 anew. */
    @Test
    void nonAdherentRunFiresAtTwoNotAgainOnALongerRunAndAgainOnANewRun() {
        UUID plan = UUID.randomUUID();
        assertThat(types(new WeeksMissed(plan, 2, 2), nonSpecific())).containsExactly(ADHERENCE_INTERVENTION);
        assertThat(types(new WeeksMissed(plan, 3, 3), nonSpecific())).isEmpty();
        assertThat(types(new WeeksMissed(plan, 4, 4), nonSpecific())).isEmpty();
        assertThat(types(new WeeksMissed(plan, 6, 1), nonSpecific())).isEmpty();
        assertThat(types(new WeeksMissed(plan, 7, 2), nonSpecific())).containsExactly(ADHERENCE_INTERVENTION);
    }

    @Test
    void psychosocialFiresWithTheWeekRulesForHighStartBackOrChronicPainSyndrome() {
        ClinicalProfile high = new ClinicalProfile(List.of("M54.50"), false, false, StartBackRisk.HIGH);
        assertThat(rules(review(4, ReviewVerdict.NON_RESPONDING, true, 30), high))
                .containsExactly("ESC-PSYCHOSOCIAL", "ESC-NONSPECIFIC-WK4");
        assertThat(types(review(4, ReviewVerdict.NON_RESPONDING, true, 30), high))
                .containsExactly(MULTIDISCIPLINARY_PAIN_PROGRAM, PLAN_REVISION, SECOND_OPINION);
        assertThat(rules(review(4, ReviewVerdict.NON_RESPONDING, true, 30), withConditions("M54.50", "G90.50")))
                .contains("ESC-PSYCHOSOCIAL");
        assertThat(rules(review(4, ReviewVerdict.NON_RESPONDING, true, 30), withConditions("M54.50", "G89.4")))
                .contains("ESC-PSYCHOSOCIAL");
        assertThat(rules(review(6, ReviewVerdict.NON_RESPONDING, true, 30), withConditions("M51.16", "M79.7")))
                .containsExactly("ESC-PSYCHOSOCIAL", "ESC-RADICULAR-WK6");
        // neighbour: MEDIUM risk, no chronic pain syndrome
        assertThat(rules(review(4, ReviewVerdict.NON_RESPONDING, true, 30), nonSpecific()))
                .doesNotContain("ESC-PSYCHOSOCIAL");
        // neighbour: PARTIAL is not NON_RESPONDING
        assertThat(rules(review(4, ReviewVerdict.PARTIAL, true, 30), high)).isEmpty();
    }

    @Test
    void radicularWeek4RevisesThePlanWithoutImaging() {
        assertThat(ENGINE.evaluate(review(4, ReviewVerdict.NON_RESPONDING, true, 50), withConditions("M51.16")))
                .singleElement().satisfies(r -> {
                    assertThat(r.ruleId()).isEqualTo("ESC-RADICULAR-WK4");
                    assertThat(r.type()).isEqualTo(PLAN_REVISION);
                    assertThat(r.urgency()).isEqualTo(Urgency.ROUTINE);
                });
        assertThat(rules(review(4, ReviewVerdict.NON_RESPONDING, true, 50), withConditions("M48.062")))
                .containsExactly("ESC-RADICULAR-WK4");
        // neighbour: non-specific takes the non-specific rule
        assertThat(rules(review(4, ReviewVerdict.NON_RESPONDING, true, 50), nonSpecific()))
                .containsExactly("ESC-NONSPECIFIC-WK4");
    }

    @Test
    void radicularWeek6WithOdi40AddsASurgicalConsultAnd39DoesNot() {
        assertThat(types(review(6, ReviewVerdict.NON_RESPONDING, true, 40), withConditions("M51.16")))
                .containsExactly(IMAGING, SURGICAL_CONSULT, INTERVENTIONAL_PAIN);
        assertThat(types(review(6, ReviewVerdict.NON_RESPONDING, true, 39), withConditions("M51.16")))
                .containsExactly(IMAGING, INTERVENTIONAL_PAIN);
    }

    /** With no ODI at intake there is no change to show: the evidence still holds the ODI the consult read. */
    @Test
    void aSurgicalConsultShowsTheOdiItRead() {
        ReviewOutcome noBaselineOdi = new ReviewOutcome(UUID.randomUUID(), 6, START, START.plusDays(42),
                ReviewVerdict.NON_RESPONDING, SAME, null, new Score(400, 9), AdherenceSnapshot.of(17, 20, true));
        assertThat(ENGINE.evaluate(noBaselineOdi, withConditions("M51.16")))
                .filteredOn(r -> r.type() == SURGICAL_CONSULT).singleElement()
                .satisfies(r -> assertThat(r.evidence()).containsEntry("odi", null)
                        .containsEntry("odiAtReview", new BigDecimal("44.4")).containsEntry("surgicalOdiPercent", 40));
    }

    @Test
    void radicularWeek6ReadsTheExactOdiNotTheRoundedOne() {
        ReviewOutcome justBelow = new ReviewOutcome(UUID.randomUUID(), 6, START, START.plusDays(42),
                ReviewVerdict.NON_RESPONDING, SAME, SAME, new Score(3999, 100), AdherenceSnapshot.of(17, 20, true));
        assertThat(types(justBelow, withConditions("M54.16"))).doesNotContain(SURGICAL_CONSULT);
    }

    @Test
    void stenosisClaudicationAloneGetsNoInterventionalPain() {
        assertThat(types(review(6, ReviewVerdict.NON_RESPONDING, true, 39), withConditions("M48.062")))
                .containsExactly(IMAGING);
        assertThat(types(review(6, ReviewVerdict.NON_RESPONDING, true, 45), withConditions("M48.062")))
                .containsExactly(IMAGING, SURGICAL_CONSULT);
        assertThat(types(review(6, ReviewVerdict.NON_RESPONDING, true, 39), withConditions("M48.062", "M54.16")))
                .containsExactly(IMAGING, INTERVENTIONAL_PAIN);
    }

    @Test
    void aMotorDeficitFromIntakeOrSessionAddsASurgicalConsult() {
        ClinicalProfile deficit = new ClinicalProfile(List.of("M48.062"), true, false, StartBackRisk.LOW);
        assertThat(types(review(6, ReviewVerdict.NON_RESPONDING, true, 20), deficit))
                .containsExactly(IMAGING, SURGICAL_CONSULT);
    }

    @Test
    void week6RulesNeedSixWeeksOfCare() {
        ReviewOutcome early = new ReviewOutcome(UUID.randomUUID(), 6, START, START.plusDays(41),
                ReviewVerdict.NON_RESPONDING, SAME, SAME, Score.of(50), AdherenceSnapshot.of(17, 20, true));
        assertThat(types(early, withConditions("M51.16"))).isEmpty();
        assertThat(types(early, nonSpecific())).isEmpty();
    }

    @Test
    void nonspecificWeek4RevisesThePlanAndAsksASecondOpinion() {
        List<Recommendation> fired = ENGINE.evaluate(review(4, ReviewVerdict.NON_RESPONDING, true, 30), nonSpecific());
        assertThat(fired).extracting(Recommendation::type).containsExactly(PLAN_REVISION, SECOND_OPINION);
        assertThat(fired).allSatisfy(r -> {
            assertThat(r.ruleId()).isEqualTo("ESC-NONSPECIFIC-WK4");
            assertThat(r.urgency()).isEqualTo(Urgency.ROUTINE);
        });
    }

    @Test
    void nonspecificWeek6OffersAMultidisciplinaryProgramme() {
        assertThat(ENGINE.evaluate(review(6, ReviewVerdict.NON_RESPONDING, true, 50), nonSpecific()))
                .singleElement().satisfies(r -> {
                    assertThat(r.ruleId()).isEqualTo("ESC-NONSPECIFIC-WK6");
                    assertThat(r.type()).isEqualTo(MULTIDISCIPLINARY_PAIN_PROGRAM);
                });
        assertThat(types(review(6, ReviewVerdict.NON_RESPONDING, false, 50), nonSpecific()))
                .containsExactly(ADHERENCE_INTERVENTION);
    }

    @ParameterizedTest
    @EnumSource(ReviewVerdict.class)
    void nonSpecificLowBackPainNeverGetsImagingWithoutARedFlag(ReviewVerdict verdict) {
        ClinicalProfile high = new ClinicalProfile(List.of("M54.50"), true, true, StartBackRisk.HIGH);
        for (int week : new int[] {4, 6, 8}) {
            for (boolean adherent : new boolean[] {true, false}) {
                assertThat(types(review(week, verdict, adherent, 80), high)).doesNotContain(IMAGING);
            }
        }
    }

    @Test
    void sessionFlareFiresOnARiseOfThreeOrPainOfEight() {
        assertThat(rules(new SessionReported(UUID.randomUUID(), 4, 7), nonSpecific())).containsExactly("ESC-SESSION-FLARE");
        assertThat(rules(new SessionReported(UUID.randomUUID(), 4, 6), nonSpecific())).isEmpty();
        assertThat(rules(new SessionReported(UUID.randomUUID(), 6, 8), nonSpecific())).containsExactly("ESC-SESSION-FLARE");
        assertThat(rules(new SessionReported(UUID.randomUUID(), 9, 8), nonSpecific())).containsExactly("ESC-SESSION-FLARE");
        assertThat(rules(new SessionReported(UUID.randomUUID(), 6, 7), nonSpecific())).isEmpty();
        assertThat(types(new SessionReported(UUID.randomUUID(), 4, 7), nonSpecific())).containsExactly(PLAN_REVISION);
    }

    /** outcome-service applies a session that recommends nothing without loading a profile (RoutineSessions). */
    @Test
    void whatASessionsPainRecommendsIsTheSameForEveryPatient() {
        List<ClinicalProfile> patients = List.of(nonSpecific(), withConditions("M51.16"),
                new ClinicalProfile(List.of("M48.062"), true, true, StartBackRisk.HIGH),
                new ClinicalProfile(List.of(), false, false, StartBackRisk.LOW));
        for (int before = 0; before <= 10; before++) {
            for (int after = 0; after <= 10; after++) {
                SessionReported session = new SessionReported(UUID.randomUUID(), before, after);
                List<Recommendation> recommended = ENGINE.evaluate(session, patients.get(0));
                for (ClinicalProfile patient : patients) {
                    assertThat(ENGINE.evaluate(session, patient)).as(before + " -> " + after).isEqualTo(recommended);
                }
                assertThat(ENGINE.recommendsOn(session)).as(before + " -> " + after).isEqualTo(!recommended.isEmpty());
            }
        }
    }

    /**
     * outcome-service applies a missed week that recommends nothing without loading a profile
     * (RoutineMissedWeeks): only the run reaching the threshold recommends, whoever the patient.
     */
    @Test
    void whatARunOfMissedWeeksRecommendsIsTheSameForEveryPatient() {
        List<ClinicalProfile> patients = List.of(nonSpecific(), withConditions("M51.16"),
                new ClinicalProfile(List.of("M48.062"), true, true, StartBackRisk.HIGH),
                new ClinicalProfile(List.of(), false, false, StartBackRisk.LOW));
        for (int consecutive = 1; consecutive <= 8; consecutive++) {
            WeeksMissed missed = new WeeksMissed(UUID.randomUUID(), consecutive + 1, consecutive);
            List<Recommendation> recommended = ENGINE.evaluate(missed, patients.get(0));
            for (ClinicalProfile patient : patients) {
                assertThat(ENGINE.evaluate(missed, patient)).as(consecutive + " weeks").isEqualTo(recommended);
            }
            assertThat(ENGINE.recommendsOn(missed)).as(consecutive + " weeks").isEqualTo(consecutive == 2);
        }
    }

    @Test
    void everyRecommendationCarriesItsRuleVersionReasonsInputsAndGuideline() {
        List<Trigger> triggers = List.of(
                new RedFlagReported(RedFlagCode.SADDLE_NUMBNESS, Urgency.EMERGENCY, "intake"),
                new RedFlagReported(RedFlagCode.PROGRESSIVE_MOTOR_WEAKNESS, Urgency.URGENT, "intake"),
                review(4, ReviewVerdict.WORSENING, true, 40),
                review(6, ReviewVerdict.NON_RESPONDING, true, 45),
                review(4, ReviewVerdict.NON_RESPONDING, false, 45),
                new SessionReported(UUID.randomUUID(), 2, 9),
                new WeeksMissed(UUID.randomUUID(), 2, 2));
        for (Trigger trigger : triggers) {
            assertThat(ENGINE.evaluate(trigger, new ClinicalProfile(List.of("M51.16"), true, true, StartBackRisk.HIGH)))
                    .isNotEmpty()
                    .allSatisfy(r -> {
                        assertThat(r.ruleId()).startsWith("ESC-");
                        assertThat(r.ruleVersion()).isEqualTo("1.3");
                        assertThat(r.rationale()).isNotBlank();
                        assertThat(r.evidence()).isNotEmpty();
                        assertThat(r.guidelineReference()).isNotBlank();
                    });
        }
    }
}
