package io.backtrack.plan.clocks;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.outcome.ReviewCompleted;
import io.backtrack.messaging.InboundEvents;
import io.backtrack.messaging.Interest;
import io.backtrack.messaging.ReceivedEvent;
import io.backtrack.messaging.UntrustedEventException;
import io.backtrack.plan.plans.Plan;
import io.backtrack.scoring.ReviewWeeks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Schedules the week-6 review when the week-4 review is anything but RESPONDING, an OVERDUE one
 * (no verdict) included (docs/clinical-rules.md §4).
 */
@ApplicationScoped
public class ReviewVerdicts {

    private final InboundEvents inbound;
    private final ClockSchedule schedule;
    private final Clock clock;

    public ReviewVerdicts(InboundEvents inbound, ClockSchedule schedule, Clock clock) {
        this.inbound = inbound;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Incoming("outcome-events")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, "plan-service.outcome-events", Interest.in(EventType.REVIEW_COMPLETED),
                this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        ReviewCompleted review = event.payloadAs(ReviewCompleted.class);
        boolean needsSecondReview = review.week() == ReviewWeeks.FIRST
                && review.verdict() != ReviewVerdict.RESPONDING;
        return ofAReviewDueHere(review).chain(() -> needsSecondReview
                ? schedule.scheduleSecondReview(review.planId())
                : Uni.createFrom().voidItem());
    }

    /**
     * Every verdict is checked, whether or not it calls for a review: outcome-service reviews only what
     * this service said was due, so one about a week that has no review, a plan this service does not
     * have, a plan of another patient or clinic than the one it names, or a review that has not fallen
     * due here is refused.
     */
    private Uni<Void> ofAReviewDueHere(ReviewCompleted review) {
        if (!ReviewWeeks.isReviewWeek(review.week())) {
            return Uni.createFrom().failure(new UntrustedEventException("week " + review.week()
                    + " has no review; reviews fall due at weeks " + ReviewWeeks.FIRST + " and " + ReviewWeeks.SECOND));
        }
        return Plan.<Plan>findById(review.planId()).chain(plan -> {
            if (plan == null) {
                throw new UntrustedEventException("plan " + review.planId() + " is not a plan of this service");
            }
            if (!plan.patientId.equals(review.patientId()) || !plan.clinicId.equals(review.clinicId())) {
                throw new UntrustedEventException("plan " + review.planId() + " is not patient " + review.patientId()
                        + "'s in " + review.clinicId());
            }
            return PlanClock.<PlanClock>find("courseId = ?1 and kind = ?2 and week = ?3", plan.courseId, ClockKind.REVIEW,
                    review.week()).firstResult().invoke(due -> {
                        if (due == null) {
                            throw new UntrustedEventException("no week-" + review.week() + " review of plan "
                                    + review.planId() + " was scheduled here");
                        }
                        if (due.dueOn.isAfter(LocalDate.now(clock))) {
                            throw new UntrustedEventException("the week-" + review.week() + " review of plan "
                                    + review.planId() + " falls due on " + due.dueOn + ", not before");
                        }
                    }).replaceWithVoid();
        });
    }
}
