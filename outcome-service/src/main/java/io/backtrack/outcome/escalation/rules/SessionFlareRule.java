package io.backtrack.outcome.escalation.rules;

import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.escalation.ClinicalProfile;
import io.backtrack.outcome.escalation.EscalationThresholds;
import io.backtrack.outcome.escalation.Recommendation;
import io.backtrack.outcome.escalation.Trigger;
import io.backtrack.outcome.escalation.Trigger.SessionReported;
import java.util.List;
import java.util.Map;

/** ESC-SESSION-FLARE: any session with pain rising by 3 or ending at 8 or more → revise the plan. */
public class SessionFlareRule extends BaseRule {

    public SessionFlareRule(EscalationThresholds thresholds) {
        super("ESC-SESSION-FLARE", thresholds);
    }

    @Override
    public List<Recommendation> evaluate(Trigger trigger, ClinicalProfile profile) {
        if (!(trigger instanceof SessionReported session)) {
            return List.of();
        }
        int rise = session.painAfter() - session.painBefore();
        if (rise < thresholds.flareRise() && session.painAfter() < thresholds.flarePain()) {
            return List.of();
        }
        return List.of(recommend(EscalationType.PLAN_REVISION, Urgency.ROUTINE,
                "A session flared pain from " + session.painBefore() + " to " + session.painAfter()
                        + ": revise the exercise dose or selection.",
                Map.of("sessionId", session.sessionId(), "painBefore", session.painBefore(),
                        "painAfter", session.painAfter(), "flareRise", thresholds.flareRise(),
                        "flarePain", thresholds.flarePain()),
                "docs/clinical-rules.md §5 ESC-SESSION-FLARE"));
    }
}
