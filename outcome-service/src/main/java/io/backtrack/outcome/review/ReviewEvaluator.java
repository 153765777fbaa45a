package io.backtrack.outcome.review;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.MeasureType;
import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.outcome.MeasureChange;
import io.backtrack.contracts.outcome.ReviewCompleted;
import io.backtrack.contracts.plan.ReviewAdherenceUpdated;
import io.backtrack.contracts.plan.ReviewDue;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.messaging.UntrustedEventException;
import io.backtrack.outcome.escalation.EscalationEngine;
import io.backtrack.outcome.escalation.EscalationRecorder;
import io.backtrack.outcome.escalation.Trigger.ReviewOutcome;
import io.backtrack.outcome.measure.Measure;
import io.backtrack.outcome.profile.Baseline;
import io.backtrack.outcome.profile.IntakeBaseline;
import io.backtrack.outcome.profile.PatientProfile;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.scoring.Score;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Opens reviews from review-due events and evaluates them per docs/clinical-rules.md §4, inside the
 * caller's transaction: intake baseline against the latest NRS and ODI in [due − 7, due], else the
 * first in (due, due + 7]; AWAITING_MEASURES until both exist. A completed review runs the rules.
 */
@ApplicationScoped
public class ReviewEvaluator {

    static final String RESOURCE = "review";
    /** outcome-service acting on its own, on an event or a timer. */
    public static final Actor SYSTEM = Actor.system("outcome-service");

    private final ReviewThresholds thresholds;
    private final EscalationEngine engine;
    private final EscalationRecorder escalations;
    private final EventOutbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public ReviewEvaluator(ReviewThresholds thresholds, EscalationEngine engine, EscalationRecorder escalations,
            EventOutbox outbox, AuditTrail audit, Clock clock) {
        this.thresholds = thresholds;
        this.engine = engine;
        this.escalations = escalations;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** One review per plan and week, however often the review-due arrives; evaluated at once. */
    public Uni<Void> open(ReviewDue due) {
        return Review.<Review>find("planId = ?1 and week = ?2", due.planId(), due.week()).firstResult().chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Review review = new Review();
            review.id = UUID.randomUUID();
            review.patientId = due.patientId();
            review.clinicId = due.clinicId();
            review.planId = due.planId();
            review.week = due.week();
            review.planStartDate = due.planStartDate();
            review.dueDate = due.dueDate();
            review.status = ReviewStatus.AWAITING_MEASURES;
            review.adherenceCounted = due.adherence().countedSessions();
            review.adherencePrescribed = due.adherence().prescribedSessions();
            review.adherencePercent = due.adherence().percent();
            review.adherent = due.adherence().adherent();
            review.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return review.persistAndFlush()
                    .chain(() -> audit.record(SYSTEM, AuditAction.CREATE, RESOURCE, review.id, review.patientId,
                            "week-" + review.week + " review due " + review.dueDate))
                    .chain(() -> evaluate(review));
        });
    }

    /** Tries every review of the patient still awaiting measures, locked against the overdue job. */
    public Uni<Void> evaluateAwaiting(UUID patientId) {
        return Review.<Review>find("patientId = ?1 and status = ?2 order by dueDate", patientId,
                        ReviewStatus.AWAITING_MEASURES)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(reviews -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Review review : reviews) {
                        chain = chain.chain(() -> evaluate(review));
                    }
                    return chain;
                });
    }

    /**
     * Evaluates the review once the course's intake baseline and both measures are there: NRS and ODI
     * each picked by the window rule. Without an intake ODI the ODI measured is still the one the
     * week-6 rules read, though it cannot be compared.
     */
    private Uni<Void> evaluate(Review review) {
        return PatientProfile.<PatientProfile>findById(review.patientId)
                .chain(profile -> IntakeBaseline.ofCourse(review.patientId, review.planStartDate).chain(baseline -> {
                    if (profile == null || baseline == null || !baseline.hasPain()) {
                        return Uni.createFrom().voidItem();
                    }
                    LocalDate from = review.dueDate.minusDays(thresholds.measureWindowDays());
                    LocalDate to = review.dueDate.plusDays(thresholds.measureWindowDays());
                    return Measure.between(review.patientId, MeasureType.PAIN_NRS, from, to)
                            .chain(pains -> Measure.between(review.patientId, MeasureType.ODI, from, to)
                                    .chain(odis -> {
                                        Measure pain = used(pains, review.dueDate);
                                        Measure odi = used(odis, review.dueDate);
                                        if (pain == null || odi == null) {
                                            return Uni.createFrom().voidItem();
                                        }
                                        return complete(review, profile, baseline, pain, odi);
                                    }));
                }));
    }

    /** The latest measured on or before the due day, else the first measured after it (the list is in date order). */
    static Measure used(List<Measure> measures, LocalDate due) {
        Measure before = null;
        for (Measure measure : measures) {
            if (!measure.effectiveDate.isAfter(due)) {
                before = measure;
            } else if (before == null) {
                return measure;
            }
        }
        return before;
    }

    /**
     * A review still awaiting its measures takes plan-service's new count for a session logged late,
     * so the adherence it is evaluated with includes it; a completed review keeps its figures. The
     * review must be the one of this patient and clinic that plan-service named.
     */
    public Uni<Void> adherenceUpdated(ReviewAdherenceUpdated updated) {
        return Review.<Review>find("planId = ?1 and week = ?2", updated.planId(), updated.week())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(review -> {
                    if (review == null) {
                        throw new UntrustedEventException("no week-" + updated.week() + " review of plan "
                                + updated.planId() + " is known");
                    }
                    if (!review.patientId.equals(updated.patientId()) || !review.clinicId.equals(updated.clinicId())) {
                        throw new UntrustedEventException("the week-" + updated.week() + " review of plan "
                                + updated.planId() + " is of another patient or clinic");
                    }
                    AdherenceSnapshot adherence = updated.adherence();
                    if (review.status != ReviewStatus.AWAITING_MEASURES
                            || adherence.countedSessions() < review.adherenceCounted) {
                        return Uni.createFrom().voidItem();
                    }
                    review.adherenceCounted = adherence.countedSessions();
                    review.adherencePrescribed = adherence.prescribedSessions();
                    review.adherencePercent = adherence.percent();
                    review.adherent = adherence.adherent();
                    return audit.record(SYSTEM, AuditAction.UPDATE, RESOURCE, review.id, review.patientId,
                            "adherence counted again with session " + updated.sessionId());
                });
    }

    private Uni<Void> complete(Review review, PatientProfile profile, Baseline baseline, Measure pain, Measure odi) {
        MeasureChange painChange = thresholds.pain().compare(baseline.pain(), pain.exact());
        Score odiAtReview = odi.exact();
        MeasureChange odiChange = baseline.hasOdi() ? thresholds.odi().compare(baseline.odi(), odiAtReview) : null;
        ReviewVerdict verdict = Verdict.of(painChange, odiChange);
        review.status = ReviewStatus.COMPLETED;
        review.verdict = verdict;
        review.pain = Review.write(painChange);
        review.odi = Review.write(odiChange);
        review.painMeasureId = pain.id;
        review.odiMeasureId = odi.id;
        review.completedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReviewOutcome outcome = new ReviewOutcome(review.id, review.week, review.planStartDate, review.dueDate, verdict,
                painChange, odiChange, odiAtReview, review.adherence());
        return published(review)
                .chain(() -> audit.record(SYSTEM, AuditAction.UPDATE, RESOURCE, review.id, review.patientId,
                        "completed: " + verdict))
                .chain(() -> escalations.record(review.patientId, review.clinicId, review.id,
                        engine.evaluate(outcome, profile.clinical())));
    }

    /** Publishes review-completed for a review that reached COMPLETED or OVERDUE. */
    Uni<Void> published(Review review) {
        return outbox.append(review.patientId, new ReviewCompleted(review.patientId, review.clinicId, review.id,
                review.planId, review.week, review.dueDate, review.status, review.verdict, review.painChange(),
                review.odiChange(), review.adherence(), review.completedAt));
    }
}
