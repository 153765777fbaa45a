package io.backtrack.outcome.worklist;

import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.escalation.Escalation;
import io.backtrack.outcome.profile.PlanSnapshot;
import io.backtrack.outcome.review.Review;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The clinician's worklist for their clinic: open escalations (at their urgency), plans on hold
 * (urgent: the patient cannot exercise), and overdue and awaiting reviews (routine), most urgent
 * first, then the longest waiting. The open items of one clinic are few, so they are merged and paged
 * here rather than in one SQL union.
 */
@RequestScoped
public class Worklist {

    private final Caller caller;
    private final AuditTrail audit;

    public Worklist(Caller caller, AuditTrail audit) {
        this.caller = caller;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<WorklistPage> page(int page, int size) {
        String clinic = caller.requiredClinicId();
        List<WorklistItem> items = new ArrayList<>();
        return Escalation.<Escalation>list("clinicId = ?1 and status in ?2", clinic, Escalation.OPEN)
                .invoke(escalations -> escalations.forEach(e -> items.add(new WorklistItem(WorklistItem.Kind.ESCALATION,
                        e.id, e.patientId, e.urgency, e.recommendedAt, e.type + " recommended by " + e.ruleId))))
                .chain(() -> PlanSnapshot.<PlanSnapshot>list("clinicId = ?1 and status = ?2", clinic, PlanStatus.ON_HOLD))
                .invoke(plans -> plans.forEach(p -> items.add(new WorklistItem(WorklistItem.Kind.PLAN_ON_HOLD,
                        p.planId, p.patientId, Urgency.URGENT, p.updatedAt, "plan on hold"))))
                .chain(() -> Review.<Review>list("""
                        from Review r where r.clinicId = ?1 and (r.status = ?2 or r.status = ?3 and not exists (
                            from Review later where later.patientId = r.patientId and later.week > r.week))""",
                        clinic, ReviewStatus.AWAITING_MEASURES, ReviewStatus.OVERDUE))
                .invoke(reviews -> reviews.forEach(r -> items.add(new WorklistItem(
                        r.status == ReviewStatus.OVERDUE ? WorklistItem.Kind.OVERDUE_REVIEW : WorklistItem.Kind.AWAITING_REVIEW,
                        r.id, r.patientId, Urgency.ROUTINE, r.dueDate.atStartOfDay().toInstant(ZoneOffset.UTC),
                        "week-" + r.week + " review " + (r.status == ReviewStatus.OVERDUE ? "overdue" : "awaiting measures")))))
                .map(ignored -> {
                    items.sort(WorklistItem.ORDER);
                    int from = Math.min(items.size(), page * size);
                    return new WorklistPage(page, size, items.size(), List.copyOf(items.subList(from,
                            Math.min(items.size(), from + size))));
                })
                .call(result -> audit.recordEach(Actor.of(caller), AuditAction.SEARCH, "worklist",
                        result.items().stream().map(WorklistItem::patientId).toList(), "found in the worklist"))
                .call(result -> audit.record(Actor.of(caller), AuditAction.SEARCH, "worklist", null, null,
                        "page=" + page + " size=" + size + " total=" + result.total()));
    }
}
