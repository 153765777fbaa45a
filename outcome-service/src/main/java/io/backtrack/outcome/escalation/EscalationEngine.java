package io.backtrack.outcome.escalation;

import io.backtrack.outcome.escalation.rules.NonAdherentRule;
import io.backtrack.outcome.escalation.rules.NonspecificWeek4Rule;
import io.backtrack.outcome.escalation.rules.NonspecificWeek6Rule;
import io.backtrack.outcome.escalation.rules.PsychosocialRule;
import io.backtrack.outcome.escalation.rules.RadicularWeek4Rule;
import io.backtrack.outcome.escalation.rules.RadicularWeek6Rule;
import io.backtrack.outcome.escalation.rules.RedFlagEmergencyRule;
import io.backtrack.outcome.escalation.rules.RedFlagUrgentRule;
import io.backtrack.outcome.escalation.rules.SessionFlareRule;
import io.backtrack.outcome.escalation.Trigger.SessionReported;
import io.backtrack.outcome.escalation.Trigger.WeeksMissed;
import io.backtrack.outcome.escalation.rules.WorseningRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Runs the rules of docs/clinical-rules.md §5 in their order and collects what every firing rule recommends. */
@ApplicationScoped
public class EscalationEngine {

    private static final ClinicalProfile ANY_PATIENT = new ClinicalProfile(List.of(), false, false, null);

    private final List<EscalationRule> rules;

    public EscalationEngine(EscalationThresholds thresholds) {
        this.rules = List.of(
                new RedFlagEmergencyRule(thresholds),
                new RedFlagUrgentRule(thresholds),
                new WorseningRule(thresholds),
                new NonAdherentRule(thresholds),
                new PsychosocialRule(thresholds),
                new RadicularWeek4Rule(thresholds),
                new RadicularWeek6Rule(thresholds),
                new NonspecificWeek4Rule(thresholds),
                new NonspecificWeek6Rule(thresholds),
                new SessionFlareRule(thresholds));
    }

    public List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile) {
        return rules.stream().flatMap(rule -> rule.evaluate(trigger, profile).stream()).toList();
    }

    /**
     * Whether a session's pain alone leads to a recommendation. The rules a session triggers read
     * nothing of the patient's profile (EscalationRulesTest holds them to it), so the answer is the same
     * for every patient and needs no profile loaded.
     */
    public boolean recommendsOn(SessionReported session) {
        return !evaluate(session, ANY_PATIENT).isEmpty();
    }

    /** Whether a run of missed weeks leads to a recommendation: the same for every patient, as for a session. */
    public boolean recommendsOn(WeeksMissed missed) {
        return !evaluate(missed, ANY_PATIENT).isEmpty();
    }
}
