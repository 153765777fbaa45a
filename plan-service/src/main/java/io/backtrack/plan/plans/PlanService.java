package io.backtrack.plan.plans;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.plan.PlanActivated;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.plan.access.PatientAccess;
import io.backtrack.plan.clocks.ClockSchedule;
import io.backtrack.plan.profile.IntakeGate;
import io.backtrack.plan.profile.PatientProfile;
import io.backtrack.plan.validation.PlanValidation;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.problem.Violation;
import io.backtrack.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creates, revises and moves plans; validation applies every plan rule at once. Every change takes the
 * patient's profile lock first and needs the patient's intake applied (see {@link IntakeGate}).
 */
@RequestScoped
public class PlanService {

    private static final EnumSet<PlanStatus> REVISABLE = EnumSet.of(PlanStatus.ACTIVE, PlanStatus.ON_HOLD);

    static final String RESOURCE = "plan";

    private final Caller caller;
    private final PatientAccess access;
    private final IntakeGate intakes;
    private final PlanChecks checks;
    private final PlanLifecycle lifecycle;
    private final ClockSchedule clocks;
    private final PlanJson json;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final Clock clock;

    public PlanService(Caller caller, PatientAccess access, IntakeGate intakes, PlanChecks checks, PlanLifecycle lifecycle,
            ClockSchedule clocks, PlanJson json, AuditTrail audit, EventOutbox outbox, Clock clock) {
        this.caller = caller;
        this.access = access;
        this.intakes = intakes;
        this.checks = checks;
        this.lifecycle = lifecycle;
        this.clocks = clocks;
        this.json = json;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PlanView> create(UUID patientId, PlanRequest request) {
        startsWithinAYear(request.startDate());
        phasesFillTheCourse(request);
        eachExerciseOncePerPhase(request);
        return access.patientForChange(patientId, request.intakeId())
                .call(profile -> intakes.require(profile, request.intakeId()))
                .call(profile -> noCurrentPlan(patientId))
                .chain(profile -> accepted(profile, request)
                        .chain(validation -> activate(profile, request, null, validation)));
    }

    private static Uni<Void> noCurrentPlan(UUID patientId) {
        return Plan.count("patientId = ?1 and status in ?2", patientId, PlanLifecycle.CURRENT).invoke(current -> {
            if (current > 0) {
                throw new ProblemException(Problem.conflict("plan-exists", "The patient has a current plan (ACTIVE, "
                        + "ON_HOLD or MAINTENANCE); revise or complete it first."));
            }
        }).replaceWithVoid();
    }

    /**
     * A course may be entered after it began, or before it begins, but not by years: every weekly check
     * and review of a course started in 1900 would fall due at once. Revisions keep the course's day 0.
     */
    private void startsWithinAYear(LocalDate startDate) {
        LocalDate today = LocalDate.now(clock);
        if (startDate.isBefore(today.minusYears(1)) || startDate.isAfter(today.plusYears(1))) {
            throw new ProblemException(Problem.unprocessable("startDate", "plan-start-within-a-year",
                    "must be within a year of today (" + today + ")"));
        }
    }

    /**
     * A phase names each exercise once, with its dosage: listed again it would count twice in
     * PLAN-PASSIVE-SHARE, and ten of one active exercise would carry five passive modalities.
     */
    private static void eachExerciseOncePerPhase(PlanRequest request) {
        for (int p = 0; p < request.phases().size(); p++) {
            List<PlanPhase.Prescription> items = request.phases().get(p).items();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                if (!seen.add(items.get(i).exerciseCode())) {
                    throw new ProblemException(Problem.unprocessable("phases[" + p + "].items[" + i + "].exerciseCode",
                            "plan-exercise-once-per-phase", items.get(i).exerciseCode() + " is listed twice in this phase"));
                }
            }
        }
    }

    /** The phases follow one another over the whole course: a prescription beyond its end has no weekly check. */
    private static void phasesFillTheCourse(PlanRequest request) {
        int phaseWeeks = request.phases().stream().mapToInt(PlanPhase::weeks).sum();
        if (phaseWeeks != request.durationOrDefault()) {
            throw new ProblemException(Problem.unprocessable("durationWeeks", "plan-phases-fill-duration",
                    "must be the phases' weeks added up (" + phaseWeeks + ")"));
        }
    }

    /**
     * The next version continues the course: same day 0, same clocks. Once it is accepted, the previous
     * one becomes REVISED and is flushed before the next one takes the patient's one current place.
     */
    @WithTransaction
    public Uni<PlanView> revise(UUID planId, PlanRequest request) {
        phasesFillTheCourse(request);
        eachExerciseOncePerPhase(request);
        return access.planForChange(planId)
                .call(locked -> intakes.require(locked.profile(), request.intakeId()))
                .chain(locked -> {
                    Plan previous = locked.plan();
                    if (!REVISABLE.contains(previous.status)) {
                        throw new ProblemException(Problem.conflict("plan-not-current",
                                "Only an ACTIVE or ON_HOLD plan can be revised; this one is " + previous.status + "."));
                    }
                    if (!request.startDate().equals(previous.startDate)) {
                        throw new ProblemException(Problem.unprocessable("startDate", "revision-keeps-day-0",
                                "A revision continues its course: startDate must stay " + previous.startDate + "."));
                    }
                    return accepted(locked.profile(), request).chain(validation -> lifecycle
                            .change(previous, PlanStatus.REVISED, "REVISED")
                            .chain(Panache::flush)
                            .chain(() -> activate(locked.profile(), request, previous, validation)));
                });
    }

    @WithTransaction
    public Uni<PlanView> get(UUID planId) {
        return access.plan(planId)
                .call(plan -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, plan.id, plan.patientId))
                .map(plan -> PlanView.of(plan, json));
    }

    @WithTransaction
    public Uni<List<PlanView>> ofPatient(UUID patientId) {
        return access.patient(patientId)
                .chain(profile -> Plan.<Plan>list("patientId = ?1 order by version", patientId))
                .call(plans -> audit.record(Actor.of(caller), AuditAction.READ, RESOURCE, null, patientId, "list"))
                .map(plans -> plans.stream().map(plan -> PlanView.of(plan, json)).toList());
    }

    /**
     * A plan put back in use (resumed, or taken up again as MAINTENANCE) is re-validated, under the
     * patient's lock, against the patient as known now: an open red flag or a rule it breaks refuses it.
     * A completed plan is taken up again only while the patient has no other current plan.
     */
    @WithTransaction
    public Uni<PlanView> changeStatus(UUID planId, PlanStatus to, String reason) {
        if (to == PlanStatus.REVISED) {
            throw new ProblemException(Problem.unprocessable("status", "plan-revision",
                    "A plan is revised by creating its next version (POST /api/v1/plans/{planId}/revisions)."));
        }
        return access.planForChange(planId)
                .call(locked -> locked.plan().status == PlanStatus.COMPLETED ? noCurrentPlan(locked.plan().patientId)
                        : Uni.createFrom().voidItem())
                .call(locked -> PlanLifecycle.IN_USE.contains(to) && PlanLifecycle.allowed(locked.plan().status, to)
                        ? checks.ofPlan(locked.profile(), locked.plan())
                                .invoke(validation -> {
                                    if (!validation.accepted()) {
                                        throw new ProblemException(PlanChecks.rejection("The plan cannot become " + to
                                                + ": it breaks " + validation.violations().size() + " rule(s).",
                                                List.of(), validation));
                                    }
                                })
                        : Uni.createFrom().voidItem())
                .map(PatientAccess.PlanUnderLock::plan)
                .chain(plan -> lifecycle.change(plan, to, reason))
                .call(plan -> audit.record(Actor.of(caller), AuditAction.TRANSITION, RESOURCE, plan.id, plan.patientId,
                        "status " + to + ": " + reason))
                .map(plan -> PlanView.of(plan, json));
    }

    /** The request's validation against the patient as known now; a plan that breaks a rule is refused with all of them. */
    private Uni<PlanValidation> accepted(PatientProfile profile, PlanRequest request) {
        return checks.ofRequest(profile, request).invoke(validation -> {
            if (!validation.accepted()) {
                throw new ProblemException(PlanChecks.rejection(
                        "The plan breaks " + validation.violations().size() + " rule(s).", List.of(), validation));
            }
        });
    }

    /**
     * Activates the first version of a course ({@code previous} null), with its clocks, or the next
     * one, which keeps the course's clocks.
     */
    private Uni<PlanView> activate(PatientProfile profile, PlanRequest request, Plan previous,
            PlanValidation validation) {
        Plan plan = newPlan(profile, request, previous, validation);
        return plan.persist()
                .chain(() -> previous == null ? clocks.scheduleFor(plan) : Uni.createFrom().voidItem())
                .chain(() -> outbox.append(plan.patientId, new PlanActivated(plan.patientId, plan.clinicId, plan.id,
                        plan.version, plan.supersedes, plan.startDate, plan.sessionsPerWeek, plan.durationWeeks,
                        request.phases().size(), request.phases().stream().mapToInt(p -> p.items().size()).sum(),
                        validation.applied().stream().map(PlanRequest.Override::ruleId).distinct().toList(),
                        plan.createdAt)))
                .chain(() -> audit.record(Actor.of(caller), AuditAction.CREATE, RESOURCE, plan.id, plan.patientId,
                        overrideDetail(validation)))
                .map(ignored -> PlanView.of(plan, json));
    }

    private Plan newPlan(PatientProfile profile, PlanRequest request, Plan previous, PlanValidation validation) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.patientId = profile.patientId;
        plan.clinicId = profile.clinicId;
        plan.version = previous == null ? 1 : previous.version + 1;
        plan.supersedes = previous == null ? null : previous.id;
        plan.courseId = previous == null ? plan.id : previous.courseId;
        plan.status = PlanStatus.ACTIVE;
        plan.startDate = request.startDate();
        plan.sessionsPerWeek = request.sessionsPerWeek();
        plan.durationWeeks = request.durationOrDefault();
        plan.phases = json.write(request.phases());
        plan.painTriggers = json.write(request.painTriggersOrEmpty());
        plan.activityModifications = json.write(request.activityModificationsOrEmpty());
        plan.goals = json.write(request.goalsOrEmpty());
        plan.overrides = json.write(validation.applied());
        plan.warnings = json.write(validation.warnings());
        plan.holdViolations = json.write(List.of());
        plan.createdBy = caller.subject();
        plan.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        plan.statusChangedAt = plan.createdAt;
        return plan;
    }

    private static String overrideDetail(PlanValidation validation) {
        return validation.applied().isEmpty() ? null : validation.applied().stream()
                .map(o -> "override " + o.ruleId() + ": " + o.reason())
                .collect(Collectors.joining("; "));
    }

}
