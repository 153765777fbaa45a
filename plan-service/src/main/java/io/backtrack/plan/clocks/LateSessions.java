package io.backtrack.plan.clocks;

import io.backtrack.contracts.plan.ReviewAdherenceUpdated;
import io.backtrack.messaging.EventOutbox;
import io.backtrack.plan.adherence.AdherenceWindows;
import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.sessions.Session;
import io.backtrack.scoring.ReviewWeeks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A counted session performed before a review's due day but logged after the review fell due counts
 * for that review (docs/clinical-rules.md §3): the review's adherence is counted again, in the
 * session's transaction, and published as review-adherence-updated. The session holds its patient's
 * lock, which the clock job also claims, so a clock job firing a review at the same moment either
 * committed first (this session then sees it fired) or skips it until this session has committed (its
 * own count then includes the session). The reviews looked at are those that may be due before this
 * transaction ends (by tomorrow: no transaction outlives a day).
 */
@ApplicationScoped
public class LateSessions {

    private static final String REVIEWS_DUE_AFTER = """
            FROM PlanClock
             WHERE courseId = :course AND kind = :kind AND dueOn > :performedOn AND dueOn <= :tomorrow""";

    private final AdherenceWindows windows;
    private final EventOutbox outbox;
    private final Clock clock;

    public LateSessions(AdherenceWindows windows, EventOutbox outbox, Clock clock) {
        this.windows = windows;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Publishes the new adherence of every review already fired whose count the session joins. */
    public Uni<Void> logged(Plan plan, Session session) {
        if (!mayJoinAReview(plan, session)) {
            return Uni.createFrom().voidItem();
        }
        LocalDate performedOn = LocalDate.ofInstant(session.performedAt, ZoneOffset.UTC);
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        return Panache.getSession()
                .chain(db -> db.createSelectionQuery(REVIEWS_DUE_AFTER, PlanClock.class)
                        .setParameter("course", plan.courseId)
                        .setParameter("kind", ClockKind.REVIEW)
                        .setParameter("performedOn", performedOn)
                        .setParameter("tomorrow", tomorrow)
                        .getResultList())
                .map(reviews -> reviews.stream().filter(review -> review.firedAt != null).toList())
                .chain(fired -> fired.isEmpty() ? Uni.createFrom().voidItem() : countedAgain(plan, session, fired));
    }

    /**
     * Whether the session counts and a review day of its course falls after the day it was performed
     * and by tomorrow, so that a review may already have fired without it. Most sessions are
     * performed today, far from a review day, and need no lookup.
     */
    public boolean mayJoinAReview(Plan plan, Session session) {
        return session.counts && mayJoinAReviewDueBy(plan.startDate,
                LocalDate.ofInstant(session.performedAt, ZoneOffset.UTC), LocalDate.now(clock).plusDays(1));
    }

    /**
     * Whether a review day of the course (day 0 is the same for every version) falls after the day the
     * session was performed and by tomorrow.
     */
    private static boolean mayJoinAReviewDueBy(LocalDate dayZero, LocalDate performedOn, LocalDate tomorrow) {
        return IntStream.of(ReviewWeeks.FIRST, ReviewWeeks.SECOND)
                .mapToObj(week -> dayZero.plusDays(7L * week))
                .anyMatch(due -> due.isAfter(performedOn) && !due.isAfter(tomorrow));
    }

    private Uni<Void> countedAgain(Plan plan, Session session, List<PlanClock> fired) {
        return Panache.getSession().chain(db -> db.flush()).chain(() -> windows.of(plan)).chain(window -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PlanClock review : fired) {
                chain = chain.chain(() -> outbox.append(plan.patientId, new ReviewAdherenceUpdated(plan.patientId,
                        plan.clinicId, review.firedPlanId, review.week, window.startDate(), review.dueOn, session.id,
                        window.until(7 * review.week), clock.instant())));
            }
            return chain;
        });
    }
}
