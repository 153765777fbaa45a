package io.backtrack.plan.validation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** PLAN-PASSIVE-SHARE: passive items may be at most a third of all items, over all phases. */
@ApplicationScoped
public class PassiveShareRule implements PlanRule {

    private final PlanRulesConfig config;

    public PassiveShareRule(PlanRulesConfig config) {
        this.config = config;
    }

    @Override
    public String id() {
        return "PLAN-PASSIVE-SHARE";
    }

    @Override
    public boolean overridable() {
        return true;
    }

    @Override
    public List<Finding> check(PlanDraft draft) {
        long total = draft.allItems().size();
        long passive = draft.allItems().stream().filter(e -> e.category.isPassive()).count();
        if (passive * config.passiveShareDenominator() > total * config.passiveShareNumerator()) {
            return List.of(Finding.violation(this, null, null, passive + " of " + total
                    + " items are passive; at most " + config.passiveShareNumerator() + "/"
                    + config.passiveShareDenominator() + " may be."));
        }
        return List.of();
    }
}
