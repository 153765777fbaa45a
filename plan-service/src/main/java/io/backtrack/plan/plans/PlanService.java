package io.backtrack.plan.plans;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.plan.PlanActivated;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.plan.access.PatientAccess;
import io.backtrack.plan.catalog.Exercise;
import io.backtrack.plan.clocks.ClockSchedule;
import io.backtrack.plan.profile.ClinicalProfiles;
import io.backtrack.plan.profile.PatientProfile;
import io.backtrack.plan.validation.PlanDraft;
import io.backtrack.plan.validation.PlanValidation;
import io.backtrack.plan.validation.PlanValidator;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.problem.Violation;
import io.backtrack.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Creates, revises and moves plans; validation applies every rule of escalation-rules §2 at once. */
@RequestScoped
public class PlanService {

    static final String RESOURCE = "plan";
    private static final EnumSet<PlanStatus> CURRENT = EnumSet.of(PlanStatus.ACTIVE, PlanStatus.ON_HOLD);

    private final Caller caller;
    private final PatientAccess access;
    private final ClinicalProfiles profiles;
    private final PlanValidator validator;
    private final PlanLifecycle lifecycle;
    private final ClockSchedule clocks;
    private final PlanJson json;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final Clock clock;

    public PlanService(Caller caller, PatientAccess access, ClinicalProfiles profiles, PlanValidator validator,
            PlanLifecycle lifecycle, ClockSchedule clocks, PlanJson json, AuditTrail audit, EventOutbox outbox,
            Clock clock) {
        this.caller = caller;
        this.access = access;
        this.profiles = profiles;
        this.validator = validator;
        this.lifecycle = lifecycle;
        this.clocks = clocks;
        this.json = json;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PlanView> create(UUID patientId, PlanRequest request) {
        return access.patient(patientId)
                .call(profile -> Plan.count("patientId = ?1 and status in ?2", patientId, CURRENT).invoke(current -> {
                    if (current > 0) {
                        throw new ProblemException(Problem.conflict("plan-exists",
                                "The patient has a current plan; revise it instead (POST /api/v1/plans/{planId}/revisions)."));
                    }
                }))
                .chain(profile -> activate(profile, request, 1, null));
    }

    @WithTransaction
    public Uni<PlanView> revise(UUID planId, PlanRequest request) {
        return access.plan(planId).chain(previous -> {
            if (!CURRENT.contains(previous.status)) {
                throw new ProblemException(Problem.conflict("plan-not-current",
                        "Only an ACTIVE or ON_HOLD plan can be revised; this one is " + previous.status + "."));
            }
            return PatientProfile.<PatientProfile>findById(previous.patientId)
                    .chain(profile -> activate(profile, request, previous.version + 1, previous.id)
                            .call(view -> lifecycle.change(previous, PlanStatus.REVISED, "REVISED")));
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

    @WithTransaction
    public Uni<PlanView> changeStatus(UUID planId, PlanStatus to, String reason) {
        return access.plan(planId)
                .call(plan -> to == PlanStatus.ACTIVE && plan.status == PlanStatus.ON_HOLD
                        ? PatientProfile.<PatientProfile>findById(plan.patientId).chain(profiles::of).invoke(profile -> {
                            if (!profile.clearedForTherapy()) {
                                throw new ProblemException(Problem.unprocessable("status", "PLAN-RED-FLAG",
                                        "Open red flags " + profile.openRedFlags() + " must be cleared before the plan resumes."));
                            }
                        })
                        : Uni.createFrom().voidItem())
                .invoke(plan -> {
                    if (to == PlanStatus.REVISED) {
                        throw new ProblemException(Problem.unprocessable("status", "plan-revision",
                                "A plan is revised by creating its next version (POST /api/v1/plans/{planId}/revisions)."));
                    }
                })
                .chain(plan -> lifecycle.change(plan, to, reason))
                .call(plan -> audit.record(Actor.of(caller), AuditAction.TRANSITION, RESOURCE, plan.id, plan.patientId,
                        "status " + to + ": " + reason))
                .map(plan -> PlanView.of(plan, json));
    }

    private Uni<PlanView> activate(PatientProfile profile, PlanRequest request, int version, UUID supersedes) {
        return exercises(request).chain(catalog -> profiles.of(profile).map(patient -> {
            List<List<Exercise>> phases = request.phases().stream()
                    .map(phase -> phase.items().stream().map(item -> catalog.get(item.exerciseCode())).toList())
                    .toList();
            PlanDraft draft = new PlanDraft(phases, !request.painTriggersOrEmpty().isEmpty(),
                    !request.activityModificationsOrEmpty().isEmpty(), patient);
            return validator.validate(draft, request.overridesOrEmpty());
        })).chain(validation -> {
            if (!validation.accepted()) {
                throw new ProblemException(rejection(validation));
            }
            Plan plan = newPlan(profile, request, version, supersedes, validation);
            return plan.persist()
                    .chain(() -> clocks.scheduleFor(plan))
                    .chain(() -> outbox.append(plan.patientId, new PlanActivated(plan.patientId, plan.clinicId, plan.id,
                            plan.version, plan.supersedes, plan.startDate, plan.sessionsPerWeek, plan.durationWeeks,
                            request.phases().size(), request.phases().stream().mapToInt(p -> p.items().size()).sum(),
                            validation.applied().stream().map(PlanRequest.Override::ruleId).distinct().toList(),
                            plan.createdAt)))
                    .chain(() -> audit.record(Actor.of(caller), AuditAction.CREATE, RESOURCE, plan.id, plan.patientId,
                            overrideDetail(validation)))
                    .map(ignored -> PlanView.of(plan, json));
        });
    }

    /** The catalog entries the plan names; unknown or retired ones reject it, each named by its field. */
    private Uni<Map<String, Exercise>> exercises(PlanRequest request) {
        List<String> codes = request.phases().stream().flatMap(p -> p.items().stream())
                .map(PlanPhase.Prescription::exerciseCode).distinct().toList();
        return Exercise.<Exercise>list("code in ?1 and retiredAt is null", codes).map(found -> {
            Map<String, Exercise> byCode = found.stream().collect(Collectors.toMap(e -> e.code, Function.identity()));
            List<Violation> unknown = new ArrayList<>();
            for (int p = 0; p < request.phases().size(); p++) {
                List<PlanPhase.Prescription> items = request.phases().get(p).items();
                for (int i = 0; i < items.size(); i++) {
                    if (!byCode.containsKey(items.get(i).exerciseCode())) {
                        unknown.add(new Violation("phases[" + p + "].items[" + i + "].exerciseCode", "PLAN-KNOWN-EXERCISE",
                                "'" + items.get(i).exerciseCode() + "' is not an exercise of the catalog"));
                    }
                }
            }
            if (!unknown.isEmpty()) {
                throw new ProblemException(Problem.unprocessable("The plan names exercises the catalog does not offer.", unknown));
            }
            return byCode;
        });
    }

    private Plan newPlan(PatientProfile profile, PlanRequest request, int version, UUID supersedes,
            PlanValidation validation) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.patientId = profile.patientId;
        plan.clinicId = profile.clinicId;
        plan.version = version;
        plan.supersedes = supersedes;
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
        plan.createdBy = caller.subject();
        plan.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        plan.statusChangedAt = plan.createdAt;
        return plan;
    }

    /** Every violation (rule id, item, condition, message) and every warning, at once. */
    private static Problem rejection(PlanValidation validation) {
        return Problem.unprocessable("The plan breaks " + validation.violations().size() + " rule(s).", List.of())
                .withExtension("violations", validation.violations())
                .withExtension("warnings", validation.warnings());
    }

    private static String overrideDetail(PlanValidation validation) {
        return validation.applied().isEmpty() ? null : validation.applied().stream()
                .map(o -> "override " + o.ruleId() + ": " + o.reason())
                .collect(Collectors.joining("; "));
    }

}
