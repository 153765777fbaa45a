package io.backtrack.outcome.escalation;

import io.backtrack.contracts.clinical.EscalationStatus;
import java.util.Set;

/**
 * RECOMMENDED → ACKNOWLEDGED → ORDERED → COMPLETED. DECLINED (with a reason) from RECOMMENDED,
 * ACKNOWLEDGED or ORDERED: a patient may refuse an ordered referral. DECLINED and COMPLETED are
 * terminal: a later trigger recommends anew.
 */
public enum EscalationLifecycle {
    ACKNOWLEDGE(EscalationStatus.ACKNOWLEDGED, Set.of(EscalationStatus.RECOMMENDED)),
    ORDER(EscalationStatus.ORDERED, Set.of(EscalationStatus.ACKNOWLEDGED)),
    DECLINE(EscalationStatus.DECLINED, Set.of(EscalationStatus.RECOMMENDED, EscalationStatus.ACKNOWLEDGED,
            EscalationStatus.ORDERED)),
    COMPLETE(EscalationStatus.COMPLETED, Set.of(EscalationStatus.ORDERED));

    private final EscalationStatus target;
    private final Set<EscalationStatus> from;

    EscalationLifecycle(EscalationStatus target, Set<EscalationStatus> from) {
        this.target = target;
        this.from = from;
    }

    public EscalationStatus target() {
        return target;
    }

    public boolean allowedFrom(EscalationStatus current) {
        return from.contains(current);
    }
}
