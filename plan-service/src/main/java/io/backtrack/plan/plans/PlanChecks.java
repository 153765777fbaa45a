package io.backtrack.plan.plans;

import io.backtrack.plan.catalog.Exercise;
import io.backtrack.plan.profile.ClinicalProfiles;
import io.backtrack.plan.profile.PatientProfile;
import io.backtrack.plan.validation.Finding;
import io.backtrack.plan.validation.PlanDraft;
import io.backtrack.plan.validation.PlanValidation;
import io.backtrack.plan.validation.PlanValidator;
import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.problem.Violation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Validates a requested plan, or re-validates a stored one, against the patient as this service knows them now. */
@ApplicationScoped
public class PlanChecks {

    private final ClinicalProfiles profiles;
    private final PlanValidator validator;
    private final PlanJson json;

    public PlanChecks(ClinicalProfiles profiles, PlanValidator validator, PlanJson json) {
        this.profiles = profiles;
        this.validator = validator;
        this.json = json;
    }

    /**
     * A requested plan. An exercise the catalog does not offer (unknown, or retired) rejects it, named
     * by its field, with what the rules find in the rest of the plan: every finding at once.
     */
    public Uni<PlanValidation> ofRequest(PatientProfile profile, PlanRequest request) {
        return Exercise.<Exercise>list("code in ?1", codes(request.phases())).chain(found -> {
            Map<String, Exercise> offered = found.stream().filter(e -> e.retiredAt == null)
                    .collect(Collectors.toMap(e -> e.code, Function.identity()));
            List<Violation> notOffered = notOffered(request, offered, found);
            return validate(profile, request.phases(), offered, !request.painTriggersOrEmpty().isEmpty(),
                    !request.activityModificationsOrEmpty().isEmpty(), request.overridesOrEmpty())
                    .invoke(validation -> {
                        if (!notOffered.isEmpty()) {
                            throw new ProblemException(rejection("The plan names exercises the catalog does not offer.",
                                    notOffered, validation));
                        }
                    });
        });
    }

    /**
     * Every broken rule at once, in the shape of every other 422 ({@code violations}: field, rule,
     * message), after the exercises the catalog does not offer, and what the rules found in detail
     * ({@code findings}: the violations and the warnings, with severity, whether an override may lift
     * them, item and condition).
     */
    static Problem rejection(String detail, List<Violation> notOffered, PlanValidation validation) {
        List<Violation> violations = new ArrayList<>(notOffered);
        validation.violations().stream()
                .map(finding -> new Violation(finding.item() == null ? null : "phases", finding.ruleId(), finding.message()))
                .forEach(violations::add);
        List<Finding> findings = new ArrayList<>(validation.violations());
        findings.addAll(validation.warnings());
        return Problem.unprocessable(detail, violations).withExtension("findings", findings);
    }

    /** A stored plan with the overrides it was accepted with; exercises retired since still count as prescribed. */
    public Uni<PlanValidation> ofPlan(PatientProfile profile, Plan plan) {
        List<PlanPhase> phases = json.phases(plan);
        return Exercise.<Exercise>list("code in ?1", codes(phases))
                .map(found -> found.stream().collect(Collectors.toMap(e -> e.code, Function.identity())))
                .chain(catalog -> validate(profile, phases, catalog, !json.strings(plan.painTriggers).isEmpty(),
                        !json.strings(plan.activityModifications).isEmpty(), json.overrides(plan)));
    }

    /** The rules read the exercises of the catalog; one it does not hold is reported on its own. */
    private Uni<PlanValidation> validate(PatientProfile profile, List<PlanPhase> phases, Map<String, Exercise> catalog,
            boolean painTriggers, boolean activityModifications, List<PlanRequest.Override> overrides) {
        List<List<Exercise>> items = phases.stream()
                .map(phase -> phase.items().stream().map(item -> catalog.get(item.exerciseCode()))
                        .filter(Objects::nonNull).toList())
                .toList();
        return profiles.of(profile).map(patient -> validator.validate(
                new PlanDraft(items, painTriggers, activityModifications, patient), overrides));
    }

    private static List<String> codes(List<PlanPhase> phases) {
        return phases.stream().flatMap(p -> p.items().stream()).map(PlanPhase.Prescription::exerciseCode).distinct()
                .toList();
    }

    private static List<Violation> notOffered(PlanRequest request, Map<String, Exercise> offered, List<Exercise> found) {
        Set<String> retired = found.stream().filter(e -> e.retiredAt != null).map(e -> e.code).collect(Collectors.toSet());
        List<Violation> notOffered = new ArrayList<>();
        for (int p = 0; p < request.phases().size(); p++) {
            List<PlanPhase.Prescription> items = request.phases().get(p).items();
            for (int i = 0; i < items.size(); i++) {
                String code = items.get(i).exerciseCode();
                if (!offered.containsKey(code)) {
                    notOffered.add(new Violation("phases[" + p + "].items[" + i + "].exerciseCode", "PLAN-KNOWN-EXERCISE",
                            retired.contains(code) ? "'" + code + "' is retired from the catalog"
                                    : "'" + code + "' is not an exercise of the catalog"));
                }
            }
        }
        return notOffered;
    }
}
