package io.backtrack.outcome.review;

import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.audit.AuditAction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Declares reviews OVERDUE (no verdict) once due + 7 days has passed without the measures they
 * need. Replica-safe: each replica claims different rows with FOR UPDATE SKIP LOCKED.
 */
@ApplicationScoped
public class OverdueReviews {

    private static final String CLAIM = """
            SELECT * FROM review
             WHERE status = 'AWAITING_MEASURES' AND due_date < ?1
             ORDER BY due_date
             LIMIT 100
               FOR UPDATE SKIP LOCKED""";

    private final ReviewEvaluator reviews;
    private final ReviewThresholds thresholds;
    private final AuditTrail audit;
    private final Clock clock;

    public OverdueReviews(ReviewEvaluator reviews, ReviewThresholds thresholds, AuditTrail audit, Clock clock) {
        this.reviews = reviews;
        this.thresholds = thresholds;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(every = "${backtrack.review.overdue-check-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        LocalDate cutoff = LocalDate.now(clock).minusDays(thresholds.measureWindowDays());
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, Review.class).setParameter(1, cutoff).getResultList())
                .chain(this::markOverdue));
    }

    private Uni<Void> markOverdue(List<Review> due) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Review review : due) {
            chain = chain.chain(() -> {
                review.status = ReviewStatus.OVERDUE;
                review.completedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                return reviews.published(review)
                        .chain(() -> audit.record(ReviewEvaluator.SYSTEM, AuditAction.UPDATE, ReviewEvaluator.RESOURCE,
                                review.id, review.patientId, "overdue: no measures by " + review.dueDate
                                        .plusDays(thresholds.measureWindowDays())));
            });
        }
        return chain;
    }
}
