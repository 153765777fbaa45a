package io.backtrack.plan.plans;

import io.backtrack.plan.catalog.Exercise;
import io.backtrack.plan.profile.ClinicalProfiles;
import io.backtrack.plan.profile.PatientProfile;
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

    /** A requested plan; unknown or retired exercises reject it, each named by its field. */
    public Uni<PlanValidation> ofRequest(PatientProfile profile, PlanRequest request) {
        return Exercise.<Exercise>list("code in ?1 and retiredAt is null", codes(request.phases()))
                .map(found -> byCode(found, request))
                .chain(catalog -> validate(profile, request.phases(), catalog, !request.painTriggersOrEmpty().isEmpty(),
                        !request.activityModificationsOrEmpty().isEmpty(), request.overridesOrEmpty()));
    }

    /** A stored plan with the overrides it was accepted with; exercises retired since still count as prescribed. */
    public Uni<PlanValidation> ofPlan(PatientProfile profile, Plan plan) {
        List<PlanPhase> phases = json.phases(plan);
        return Exercise.<Exercise>list("code in ?1", codes(phases))
                .map(found -> found.stream().collect(Collectors.toMap(e -> e.code, Function.identity())))
                .chain(catalog -> validate(profile, phases, catalog, !json.strings(plan.painTriggers).isEmpty(),
                        !json.strings(plan.activityModifications).isEmpty(), json.overrides(plan)));
    }

    private Uni<PlanValidation> validate(PatientProfile profile, List<PlanPhase> phases, Map<String, Exercise> catalog,
            boolean painTriggers, boolean activityModifications, List<PlanRequest.Override> overrides) {
        List<List<Exercise>> items = phases.stream()
                .map(phase -> phase.items().stream().map(item -> catalog.get(item.exerciseCode())).toList())
                .toList();
        return profiles.of(profile).map(patient -> validator.validate(
                new PlanDraft(items, painTriggers, activityModifications, patient), overrides));
    }

    private static List<String> codes(List<PlanPhase> phases) {
        return phases.stream().flatMap(p -> p.items().stream()).map(PlanPhase.Prescription::exerciseCode).distinct()
                .toList();
    }

    private static Map<String, Exercise> byCode(List<Exercise> found, PlanRequest request) {
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
    }
}
