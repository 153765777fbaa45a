package io.backtrack.outcome.escalation;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.contracts.outcome.MeasureChange;
import io.backtrack.scoring.Score;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** What made the rules run: a completed review, or one of the events that can trigger them at any time. */
public sealed interface Trigger {

    /**
     * A completed review; {@code odiAtReview} is the exact ODI used at it (null when none was measured),
     * {@code adherence} the counts it was evaluated with.
     */
    record ReviewOutcome(UUID reviewId, int week, LocalDate planStartDate, LocalDate dueDate, ReviewVerdict verdict,
            MeasureChange pain, MeasureChange odi, Score odiAtReview, AdherenceSnapshot adherence)
            implements Trigger {

        public boolean adherent() {
            return adherence.adherent();
        }

        /** As the rules report adherence: to one decimal, next to the counts behind it. */
        public String adherenceReported() {
            return adherence.percentage() + " % (" + adherence.countedSessions() + " of "
                    + adherence.prescribedSessions() + " sessions)";
        }

        public long daysOfCare() {
            return ChronoUnit.DAYS.between(planStartDate, dueDate);
        }
    }

    /** A red flag raised at intake or reported in a session ({@code source} says which). */
    record RedFlagReported(RedFlagCode flag, Urgency urgency, String source) implements Trigger {
    }

    record SessionReported(UUID sessionId, int painBefore, int painAfter) implements Trigger {
    }

    record WeeksMissed(UUID planId, int week, int consecutiveMissedWeeks) implements Trigger {
    }

    default UUID reviewId() {
        return this instanceof ReviewOutcome review ? review.reviewId() : null;
    }
}
