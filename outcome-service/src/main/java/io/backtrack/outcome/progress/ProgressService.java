package io.backtrack.outcome.progress;

import io.backtrack.contracts.clinical.MeasureType;
import io.backtrack.contracts.clinical.ReportedPercent;
import io.backtrack.outcome.escalation.Escalation;
import io.backtrack.outcome.escalation.EscalationView;
import io.backtrack.outcome.measure.Measure;
import io.backtrack.outcome.measure.MeasureView;
import io.backtrack.outcome.profile.Baseline;
import io.backtrack.outcome.profile.IntakeBaseline;
import io.backtrack.outcome.profile.PatientAccess;
import io.backtrack.outcome.profile.PlanSnapshot;
import io.backtrack.outcome.review.Review;
import io.backtrack.outcome.review.ReviewThresholds;
import io.backtrack.outcome.review.ReviewView;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.security.Caller;
import io.backtrack.scoring.MeasureComparison;
import io.backtrack.scoring.Score;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Assembles a patient's progress from what outcome-service holds. */
@RequestScoped
public class ProgressService {

    private final Caller caller;
    private final PatientAccess access;
    private final AuditTrail audit;
    private final ReviewThresholds thresholds;

    public ProgressService(Caller caller, PatientAccess access, AuditTrail audit, ReviewThresholds thresholds) {
        this.caller = caller;
        this.access = access;
        this.audit = audit;
        this.thresholds = thresholds;
    }

    @WithTransaction
    public Uni<ProgressView> of(UUID patientId) {
        return access.find(patientId).chain(profile -> Measure.ofPatient(patientId)
                .chain(measures -> PlanSnapshot.latestOf(patientId)
                        .chain(plan -> IntakeBaseline.ofPatient(patientId)
                                .chain(intakes -> Review.<Review>list("patientId = ?1 order by dueDate, week", patientId)
                                        .chain(reviews -> Escalation.ofPatientSeenBy(caller, patientId)
                                                .map(escalations -> view(patientId, baselineOf(intakes, plan), measures,
                                                        plan, reviews.stream().map(review -> ReviewView.of(review,
                                                                IntakeBaseline.ofCourse(intakes, review.planStartDate)))
                                                                .toList(), escalations))))))
                .call(view -> audit.record(Actor.of(caller), AuditAction.READ, "progress", patientId, patientId)));
    }

    private ProgressView view(UUID patientId, Baseline baseline, List<Measure> measures, PlanSnapshot plan,
            List<ReviewView> reviews, List<Escalation> escalations) {
        return new ProgressView(patientId, baseline, measures.stream().map(MeasureView::of).toList(),
                changes(baseline, measures), adherence(plan), reviews, escalations.stream().map(EscalationView::of).toList());
    }

    /** The baseline of the current course; the latest intake's while there is none. */
    private static Baseline baselineOf(List<IntakeBaseline> intakes, PlanSnapshot plan) {
        return IntakeBaseline.ofCourse(intakes, plan == null ? LocalDate.MAX : plan.startDate);
    }

    private List<ProgressView.Change> changes(Baseline baseline, List<Measure> measures) {
        List<ProgressView.Change> changes = new ArrayList<>();
        if (baseline == null) {
            return changes;
        }
        latest(measures, MeasureType.PAIN_NRS).filter(m -> baseline.hasPain()).ifPresent(m -> changes.add(
                new ProgressView.Change(m.type, m.effectiveDate, thresholds.pain().compare(baseline.pain(), m.exact()))));
        latest(measures, MeasureType.ODI).filter(m -> baseline.hasOdi()).ifPresent(m -> changes.add(
                new ProgressView.Change(m.type, m.effectiveDate, thresholds.odi().compare(baseline.odi(), m.exact()))));
        latest(measures, MeasureType.PSFS).filter(m -> baseline.psfsMean() != null).ifPresent(m -> changes.add(
                new ProgressView.Change(m.type, m.effectiveDate, MeasureComparison.higherIsBetter(
                        Score.of(baseline.psfsMean()), m.exact(), thresholds.psfsMcidPoints()))));
        return changes;
    }

    private static Optional<Measure> latest(List<Measure> measures, MeasureType type) {
        return measures.stream().filter(m -> m.type == type).reduce((first, second) -> second);
    }

    private static ProgressView.Adherence adherence(PlanSnapshot plan) {
        if (plan == null) {
            return null;
        }
        return new ProgressView.Adherence(plan.planId, plan.status, plan.startDate, plan.adherenceCounted,
                plan.adherencePrescribed, plan.adherencePercent,
                plan.adherencePrescribed == null ? null : ReportedPercent.of(plan.adherenceCounted, plan.adherencePrescribed),
                plan.adherent, plan.consecutiveMissedWeeks,
                plan.lastMissedWeek);
    }
}
