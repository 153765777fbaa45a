package io.backtrack.plan.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backtrack.plan.catalog.Exercise;
import io.backtrack.plan.catalog.ExerciseCategory;
import io.backtrack.plan.plans.PlanRequest;
import io.backtrack.plan.profile.ClinicalProfile;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule of docs/clinical-rules.md §2: a case that trips it and its nearest case that passes. */
class PlanValidatorTest {

    private static final PlanRulesConfig CONFIG = new SmallRyeConfigBuilder().withMapping(PlanRulesConfig.class).build()
            .getConfigMapping(PlanRulesConfig.class);
    private static final PlanValidator VALIDATOR = new PlanValidator(List.of(new ActiveCoreRule(),
            new PassiveShareRule(CONFIG), new NiceDoNotOfferRule(), new SpineControlFirstRule(),
            new ContraindicationRule(), new CautionRule(), new ActivityModificationRule(), new RedFlagRule()));

    private static int sequence;

    private static Exercise exercise(ExerciseCategory category, String... contraindicatedThenCautioned) {
        Exercise e = new Exercise();
        e.code = category.name().substring(0, 2) + "-" + (++sequence);
        e.name = category.name();
        e.category = category;
        List<String> prefixes = Arrays.asList(contraindicatedThenCautioned);
        e.contraindicatedFor = prefixes.stream().filter(p -> !p.startsWith("~")).toList();
        e.cautionedFor = prefixes.stream().filter(p -> p.startsWith("~")).map(p -> p.substring(1)).toList();
        return e;
    }

    private static ClinicalProfile patient(List<String> conditions, boolean progressiveDeficit, String... openFlags) {
        return new ClinicalProfile(UUID.randomUUID(), "clinic", conditions, progressiveDeficit, List.of(openFlags));
    }

    private static Exercise loading(ExerciseCategory category, boolean flexion, boolean extension, boolean rotation) {
        Exercise e = exercise(category);
        e.loadsFlexion = flexion;
        e.loadsExtension = extension;
        e.loadsRotation = rotation;
        return e;
    }

    private static PlanValidation validateFor(String condition, Exercise item) {
        List<Exercise> items = new ArrayList<>(active(3));
        items.add(item);
        return validate(patient(List.of(condition), false), List.of(), items);
    }

    private static List<String> findingsOf(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).map(Finding::condition).toList();
    }

    @SafeVarargs
    private static PlanValidation validate(ClinicalProfile patient, List<PlanRequest.Override> overrides,
            List<Exercise>... phases) {
        return VALIDATOR.validate(new PlanDraft(List.of(phases), true, true, patient), overrides);
    }

    @SafeVarargs
    private static PlanValidation validate(List<Exercise>... phases) {
        return validate(patient(List.of("M54.50"), false), List.of(), phases);
    }

    private static List<String> violated(PlanValidation validation) {
        return validation.violations().stream().map(Finding::ruleId).toList();
    }

    private static List<String> warned(PlanValidation validation) {
        return validation.warnings().stream().map(Finding::ruleId).toList();
    }

    private static List<Exercise> active(int count) {
        List<Exercise> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(exercise(ExerciseCategory.CORE_STABILIZATION));
        }
        return items;
    }

    @Nested
    class ActiveCore {

        @Test
        void passiveAndEducationAloneAreRejected() {
            var v = validate(patient(List.of("M54.50"), false), List.of(new PlanRequest.Override("PLAN-PASSIVE-SHARE", "x")),
                    List.of(exercise(ExerciseCategory.EDUCATION), exercise(ExerciseCategory.HEAT)));
            assertThat(violated(v)).contains("PLAN-ACTIVE-CORE");
        }

        @Test
        void oneActiveExerciseIsEnough() {
            assertThat(violated(validate(List.of(exercise(ExerciseCategory.EDUCATION), exercise(ExerciseCategory.AEROBIC)))))
                    .doesNotContain("PLAN-ACTIVE-CORE");
        }

        @Test
        void namingItInOverridesGivesTheSameAnswerAsWithoutIt() {
            List<Exercise> educationOnly = List.of(exercise(ExerciseCategory.EDUCATION));
            var overridden = validate(patient(List.of("M54.50"), false),
                    List.of(new PlanRequest.Override("PLAN-ACTIVE-CORE", "x")), educationOnly);
            var plain = validate(patient(List.of("M54.50"), false), List.of(), educationOnly);
            assertThat(overridden.violations()).isEqualTo(plain.violations());
            assertThat(overridden.violations()).singleElement()
                    .satisfies(f -> assertThat(f.overridable()).isFalse());
            assertThat(overridden.applied()).isEmpty();
        }

        @Test
        void anOverrideNamingNoRuleIsAViolation() {
            var v = validate(patient(List.of("M54.50"), false), List.of(new PlanRequest.Override("PLAN-NOTHING", "x")),
                    active(2));
            assertThat(violated(v)).containsExactly(PlanValidator.OVERRIDE_UNKNOWN_RULE);
        }
    }

    @Nested
    class PassiveShare {

        @Test
        void exactlyOneThirdPassivePasses() {
            List<Exercise> items = new ArrayList<>(active(2));
            items.add(exercise(ExerciseCategory.HEAT));
            assertThat(violated(validate(items))).doesNotContain("PLAN-PASSIVE-SHARE");
        }

        @Test
        void aboveOneThirdIsRejectedCountingAllPhases() {
            List<Exercise> first = new ArrayList<>(active(2));
            first.add(exercise(ExerciseCategory.HEAT));
            List<Exercise> second = List.of(exercise(ExerciseCategory.MASSAGE), exercise(ExerciseCategory.CORE_STABILIZATION));
            assertThat(violated(validate(first, second))).contains("PLAN-PASSIVE-SHARE");
        }

        @Test
        void anOverrideWithAReasonAcceptsIt() {
            var v = validate(patient(List.of("M54.50"), false),
                    List.of(new PlanRequest.Override("PLAN-PASSIVE-SHARE", "Acute flare, heat for the first week")),
                    List.of(exercise(ExerciseCategory.HEAT), exercise(ExerciseCategory.CORE_STABILIZATION)));
            assertThat(v.accepted()).isTrue();
            assertThat(v.applied()).extracting(PlanRequest.Override::ruleId).containsExactly("PLAN-PASSIVE-SHARE");
            assertThat(warned(v)).doesNotContain("PLAN-PASSIVE-SHARE");
        }
    }

    @Nested
    class NiceDoNotOffer {

        @Test
        void tensUltrasoundInterferentialAndTractionAreWarnings() {
            List<Exercise> items = new ArrayList<>(active(8));
            items.addAll(List.of(exercise(ExerciseCategory.TENS), exercise(ExerciseCategory.ULTRASOUND),
                    exercise(ExerciseCategory.INTERFERENTIAL), exercise(ExerciseCategory.TRACTION)));
            var v = validate(items);
            assertThat(v.accepted()).isTrue();
            assertThat(warned(v)).filteredOn("PLAN-NICE-DO-NOT-OFFER"::equals).hasSize(4);
        }

        @Test
        void heatIsNotWarned() {
            List<Exercise> items = new ArrayList<>(active(2));
            items.add(exercise(ExerciseCategory.HEAT));
            assertThat(warned(validate(items))).doesNotContain("PLAN-NICE-DO-NOT-OFFER");
        }
    }

    @Nested
    class SpineControlFirst {

        @Test
        void strengtheningWithoutSpineControlInPhaseOneIsRejected() {
            var v = validate(List.of(exercise(ExerciseCategory.STRENGTHENING), exercise(ExerciseCategory.AEROBIC)));
            assertThat(violated(v)).contains("PLAN-SPINE-CONTROL-FIRST");
        }

        @Test
        void strengtheningBesideSpineControlPasses() {
            var v = validate(List.of(exercise(ExerciseCategory.STRENGTHENING), exercise(ExerciseCategory.SPINE_CONTROL)));
            assertThat(violated(v)).doesNotContain("PLAN-SPINE-CONTROL-FIRST");
        }

        @Test
        void strengtheningInALaterPhaseIsFine() {
            var v = validate(List.of(exercise(ExerciseCategory.AEROBIC)), List.of(exercise(ExerciseCategory.STRENGTHENING)));
            assertThat(violated(v)).doesNotContain("PLAN-SPINE-CONTROL-FIRST");
        }
    }

    @Nested
    class Contraindicated {

        private final Exercise manipulation = exercise(ExerciseCategory.MANIPULATION, "M80", "M81", "M43.1");

        @Test
        void manipulationForSpondylolisthesisIsRejectedThenAcceptedWithAnOverride() {
            List<Exercise> items = new ArrayList<>(active(3));
            items.add(manipulation);
            var rejected = validate(patient(List.of("M43.16"), false), List.of(), items);
            assertThat(rejected.violations()).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("PLAN-CONTRAINDICATED");
                assertThat(f.item()).isEqualTo(manipulation.code);
                assertThat(f.condition()).isEqualTo("M43.16");
            });
            var accepted = validate(patient(List.of("M43.16"), false),
                    List.of(new PlanRequest.Override("PLAN-CONTRAINDICATED", "Stable grade I slip, surgeon agreed")), items);
            assertThat(accepted.accepted()).isTrue();
        }

        @Test
        void manipulationWithoutAContraindicatedConditionPasses() {
            List<Exercise> items = new ArrayList<>(active(3));
            items.add(manipulation);
            assertThat(violated(validate(patient(List.of("M54.50"), false), List.of(), items))).isEmpty();
        }

        @Test
        void manipulationForADiscDisorderOnlyWithAProgressiveDeficit() {
            List<Exercise> items = new ArrayList<>(active(3));
            items.add(manipulation);
            assertThat(violated(validate(patient(List.of("M51.16"), true), List.of(), items))).contains("PLAN-CONTRAINDICATED");
            assertThat(violated(validate(patient(List.of("M51.16"), false), List.of(), items))).isEmpty();
        }
    }

    /** The matrix of docs/clinical-rules.md §2 read from the exercise itself, whatever lists the catalog gave it. */
    @Nested
    class Matrix {

        @Test
        void loadedFlexionIsContraindicatedForOsteoporosisWithOrWithoutFracture() {
            Exercise flexion = loading(ExerciseCategory.STRETCHING, true, false, false);
            assertThat(findingsOf(validateFor("M81.0", flexion).violations(), "PLAN-CONTRAINDICATED"))
                    .containsExactly("M81.0");
            assertThat(findingsOf(validateFor("M80.08XA", flexion).violations(), "PLAN-CONTRAINDICATED"))
                    .containsExactly("M80.08XA");
            assertThat(violated(validateFor("M81.0", loading(ExerciseCategory.STRETCHING, false, true, false)))).isEmpty();
        }

        @Test
        void manipulationIsContraindicatedForOsteoporosisAndSpondylolisthesisAndNotAlsoWarned() {
            Exercise manipulation = loading(ExerciseCategory.MANIPULATION, false, false, true);
            for (String condition : List.of("M81.0", "M80.08XA", "M43.16")) {
                var v = validateFor(condition, manipulation);
                assertThat(findingsOf(v.violations(), "PLAN-CONTRAINDICATED")).containsExactly(condition);
                assertThat(findingsOf(v.warnings(), "PLAN-CAUTION")).isEmpty();
            }
            assertThat(violated(validateFor("M54.50", manipulation))).isEmpty();
        }

        @Test
        void manipulationForADiscDisorderWithAProgressiveDeficitEvenWithoutACatalogEntry() {
            List<Exercise> items = new ArrayList<>(active(3));
            items.add(exercise(ExerciseCategory.MANIPULATION));
            assertThat(validate(patient(List.of("M51.26"), true), List.of(), items).violations()).singleElement()
                    .satisfies(f -> {
                        assertThat(f.ruleId()).isEqualTo("PLAN-CONTRAINDICATED");
                        assertThat(f.message()).as("the clinician sees why").contains("progressive deficit is recorded");
                    });
            assertThat(violated(validate(patient(List.of("M51.26"), false), List.of(), items))).isEmpty();
        }

        @Test
        void theCautionsFollowTheLoadingAndTheCategory() {
            assertThat(findingsOf(validateFor("M48.062", exercise(ExerciseCategory.MCKENZIE_EXTENSION)).warnings(),
                    "PLAN-CAUTION")).containsExactly("M48.062");
            Exercise extension = loading(ExerciseCategory.STRETCHING, false, true, false);
            assertThat(findingsOf(validateFor("M48.062", extension).warnings(), "PLAN-CAUTION")).containsExactly("M48.062");
            assertThat(findingsOf(validateFor("M43.16", extension).warnings(), "PLAN-CAUTION")).containsExactly("M43.16");
            Exercise rotation = loading(ExerciseCategory.ACTIVE_ROM, false, false, true);
            assertThat(findingsOf(validateFor("M81.0", rotation).warnings(), "PLAN-CAUTION")).containsExactly("M81.0");
            Exercise flexion = loading(ExerciseCategory.STRETCHING, true, false, false);
            var disc = validateFor("M51.16", flexion);
            assertThat(findingsOf(disc.warnings(), "PLAN-CAUTION")).containsExactly("M51.16");
            assertThat(disc.violations()).isEmpty();
            assertThat(findingsOf(validateFor("M51.26", exercise(ExerciseCategory.TRACTION)).warnings(), "PLAN-CAUTION"))
                    .containsExactly("M51.26");
        }

        @Test
        void anExerciseThatLoadsNothingNeedsNoCaution() {
            Exercise neutral = loading(ExerciseCategory.CORE_STABILIZATION, false, false, false);
            for (String condition : List.of("M48.062", "M81.0", "M43.16", "M51.16")) {
                var v = validateFor(condition, neutral);
                assertThat(violated(v)).isEmpty();
                assertThat(warned(v)).doesNotContain("PLAN-CAUTION");
            }
        }
    }

    @Nested
    class Caution {

        @Test
        void extensionForStenosisWithClaudicationIsAWarning() {
            var v = validate(patient(List.of("M48.062"), false), List.of(),
                    List.of(exercise(ExerciseCategory.MCKENZIE_EXTENSION, "~M48.062", "~M43.1")));
            assertThat(v.accepted()).isTrue();
            assertThat(v.warnings()).filteredOn(f -> f.ruleId().equals("PLAN-CAUTION"))
                    .singleElement().satisfies(f -> assertThat(f.condition()).isEqualTo("M48.062"));
        }

        @Test
        void withoutTheConditionThereIsNoWarning() {
            var v = validate(patient(List.of("M48.061"), false), List.of(),
                    List.of(exercise(ExerciseCategory.MCKENZIE_EXTENSION, "~M48.062")));
            assertThat(warned(v)).doesNotContain("PLAN-CAUTION");
        }
    }

    @Nested
    class ActivityModification {

        @Test
        void warnsWhenNeitherTriggersNorModificationsAreRecorded() {
            var v = VALIDATOR.validate(new PlanDraft(List.of(active(1)), false, false, patient(List.of(), false)), List.of());
            assertThat(warned(v)).contains("PLAN-ACTIVITY-MODIFICATION");
        }

        @Test
        void eitherOneIsEnough() {
            var v = VALIDATOR.validate(new PlanDraft(List.of(active(1)), true, false, patient(List.of(), false)), List.of());
            assertThat(warned(v)).doesNotContain("PLAN-ACTIVITY-MODIFICATION");
        }
    }

    @Nested
    class RedFlag {

        @Test
        void anOpenRedFlagRejectsEveryPlanAndCannotBeOverridden() {
            var v = validate(patient(List.of("M54.50"), false, "SADDLE_NUMBNESS"),
                    List.of(new PlanRequest.Override("PLAN-RED-FLAG", "x")), active(2));
            assertThat(violated(v)).containsExactly("PLAN-RED-FLAG");
            assertThat(v.violations().get(0).overridable()).isFalse();
        }

        @Test
        void aClearedPatientPasses() {
            assertThat(violated(validate(patient(List.of("M54.50"), false), List.of(), active(2)))).isEmpty();
        }
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        var v = validate(patient(List.of("M43.16"), false, "MALIGNANCY_RISK"), List.of(),
                List.of(exercise(ExerciseCategory.STRENGTHENING), exercise(ExerciseCategory.MANIPULATION, "M43.1"),
                        exercise(ExerciseCategory.HEAT)));
        assertThat(violated(v)).contains("PLAN-PASSIVE-SHARE", "PLAN-SPINE-CONTROL-FIRST", "PLAN-CONTRAINDICATED",
                "PLAN-RED-FLAG");
    }
}
