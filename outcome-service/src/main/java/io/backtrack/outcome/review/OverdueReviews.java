package io.backtrack.outcome.review;

import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.PatientLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Declares reviews OVERDUE (no verdict) once due + 7 days has passed without the measures they
 * need. Replica-safe: each replica claims different rows with FOR UPDATE SKIP LOCKED. It never waits
 * on a patient ({@link PatientLock}): a review whose patient is being written to is left for the next
 * sweep, so a transaction holding that patient and waiting for the review row cannot deadlock with it.
 */
@ApplicationScoped
public class OverdueReviews {

    /**
     * Only the ids are claimed in SQL, the reviews then read through their mapping: a {@code SELECT *}
     * kept prepared on a pooled connection fails ("cached plan must not change result type") once a
     * migration of a newer version adds a column while this replica still runs.
     */
    private static final String CLAIM = """
            SELECT id FROM review
             WHERE status = 'AWAITING_MEASURES' AND due_date < ?1
             ORDER BY due_date
             LIMIT 100
               FOR UPDATE SKIP LOCKED""";
    private static final String CLAIMED = "FROM Review WHERE id IN :ids ORDER BY dueDate";

    private final ReviewEvaluator reviews;
    private final ReviewThresholds thresholds;
    private final AuditTrail audit;
    private final PatientLock lock;
    private final Clock clock;

    public OverdueReviews(ReviewEvaluator reviews, ReviewThresholds thresholds, AuditTrail audit, PatientLock lock,
            Clock clock) {
        this.reviews = reviews;
        this.thresholds = thresholds;
        this.audit = audit;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(every = "${backtrack.review.overdue-check-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        LocalDate cutoff = LocalDate.now(clock).minusDays(thresholds.measureWindowDays());
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, UUID.class).setParameter(1, cutoff).getResultList()
                        .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Review>of())
                                : session.createSelectionQuery(CLAIMED, Review.class).setParameter("ids", ids)
                                        .getResultList()))
                .chain(this::markOverdue));
    }

    private Uni<Void> markOverdue(List<Review> due) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Review review : due) {
            chain = chain.chain(() -> lock.tryHold(review.patientId)).chain(held -> {
                if (!held) {
                    return Uni.createFrom().voidItem();
                }
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
