package io.backtrack.plan.fhir;

import io.backtrack.plan.plans.PlanPhase;
import io.backtrack.plan.plans.PlanView;
import io.backtrack.platform.fhir.FhirCodes;
import io.backtrack.platform.fhir.FhirReferences;
import io.backtrack.platform.fhir.FhirTimes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

/**
 * A plan version as a FHIR {@code CarePlan}: one activity per prescribed exercise of each phase, coded
 * with the catalog's exercise code, scheduled {@code sessionsPerWeek} times a week over the phase's
 * weeks. A revision is a new CarePlan that {@code replaces} the one before it, which is then revoked.
 */
final class CarePlans {

    private CarePlans() {
    }

    /** {@code exerciseNames}: the catalog's name of each exercise code; {@code today} places the phases. */
    static CarePlan of(PlanView plan, Map<String, String> exerciseNames, LocalDate today) {
        CarePlan carePlan = new CarePlan();
        carePlan.setId(plan.id().toString());
        carePlan.getMeta().setLastUpdated(Date.from(latest(plan)));
        carePlan.setStatus(switch (plan.status()) {
            case ACTIVE, MAINTENANCE -> CarePlan.CarePlanStatus.ACTIVE;
            case ON_HOLD -> CarePlan.CarePlanStatus.ONHOLD;
            case REVISED -> CarePlan.CarePlanStatus.REVOKED;
            case COMPLETED -> CarePlan.CarePlanStatus.COMPLETED;
        });
        carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
        carePlan.setTitle("Exercise plan, version " + plan.version() + " (" + plan.status().name().toLowerCase() + ")");
        carePlan.setDescription("Home exercise programme for low back pain: " + plan.phases().size() + " phases over "
                + plan.durationWeeks() + " weeks, " + plan.sessionsPerWeek() + " sessions a week.");
        carePlan.setSubject(FhirReferences.patient(plan.patientId()));
        carePlan.setPeriod(period(plan.startDate(), plan.durationWeeks()));
        carePlan.setCreatedElement(FhirTimes.instant(plan.createdAt()));
        if (plan.supersedes() != null) {
            carePlan.addReplaces(new Reference("CarePlan/" + plan.supersedes()));
        }
        plan.goals().forEach(goal -> carePlan.addNote().setText("Goal: " + goal));
        plan.activityModifications().forEach(change -> carePlan.addNote().setText("Activity modification: " + change));
        plan.painTriggers().forEach(trigger -> carePlan.addNote().setText("Pain trigger: " + trigger));
        LocalDate phaseStart = plan.startDate();
        for (int p = 0; p < plan.phases().size(); p++) {
            PlanPhase phase = plan.phases().get(p);
            CarePlanActivityStatus status = statusOf(plan, phaseStart, phase.weeks(), today);
            for (PlanPhase.Prescription item : phase.items()) {
                carePlan.addActivity().getDetail()
                        .setCode(FhirCodes.concept(FhirCodes.codeSystem("exercise"), item.exerciseCode(),
                                exerciseNames.getOrDefault(item.exerciseCode(), item.exerciseCode())))
                        .setStatus(status)
                        .setScheduled(schedule(plan.sessionsPerWeek(), phaseStart, phase.weeks()))
                        .setDescription("Phase " + (p + 1) + " '" + phase.name() + "': " + dosage(item));
            }
            phaseStart = phaseStart.plusWeeks(phase.weeks());
        }
        return carePlan;
    }

    private static java.time.Instant latest(PlanView plan) {
        return plan.statusChangedAt() != null && plan.statusChangedAt().isAfter(plan.createdAt())
                ? plan.statusChangedAt() : plan.createdAt();
    }

    private static CarePlanActivityStatus statusOf(PlanView plan, LocalDate phaseStart, int weeks, LocalDate today) {
        return switch (plan.status()) {
            case ON_HOLD -> CarePlanActivityStatus.ONHOLD;
            case REVISED -> CarePlanActivityStatus.STOPPED;
            case COMPLETED -> CarePlanActivityStatus.COMPLETED;
            case ACTIVE, MAINTENANCE -> today.isBefore(phaseStart) ? CarePlanActivityStatus.NOTSTARTED
                    : today.isBefore(phaseStart.plusWeeks(weeks)) ? CarePlanActivityStatus.INPROGRESS
                    : CarePlanActivityStatus.COMPLETED;
        };
    }

    private static Period period(LocalDate start, int weeks) {
        return new Period().setStartElement(FhirTimes.day(start))
                .setEndElement(FhirTimes.day(start.plusWeeks(weeks).minusDays(1)));
    }

    private static Timing schedule(int sessionsPerWeek, LocalDate phaseStart, int weeks) {
        Timing timing = new Timing();
        timing.getRepeat().setFrequency(sessionsPerWeek).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK)
                .setBounds(period(phaseStart, weeks));
        return timing;
    }

    private static String dosage(PlanPhase.Prescription item) {
        List<String> parts = new ArrayList<>();
        if (item.sets() != null) {
            parts.add(item.sets() + " sets");
        }
        if (item.reps() != null) {
            parts.add(item.reps() + " reps");
        }
        if (item.holdSeconds() != null) {
            parts.add("hold " + item.holdSeconds() + " s");
        }
        if (item.notes() != null) {
            parts.add(item.notes());
        }
        return parts.isEmpty() ? "catalog dosage" : String.join(", ", parts);
    }
}
