package io.backtrack.outcome.progress;

import io.backtrack.contracts.clinical.MeasureType;
import io.backtrack.contracts.clinical.PlanStatus;
import io.backtrack.contracts.outcome.MeasureChange;
import io.backtrack.outcome.escalation.EscalationView;
import io.backtrack.outcome.measure.MeasureView;
import io.backtrack.outcome.profile.Baseline;
import io.backtrack.outcome.review.ReviewView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A clinician's screen in one call: baseline, measures over time, change per measure, adherence, reviews, escalations. */
public record ProgressView(UUID patientId, Baseline baseline, List<MeasureView> measures, List<Change> changes,
        Adherence adherence, List<ReviewView> reviews, List<EscalationView> escalations) {

    /** The latest measure of a type against its baseline; change is positive when better (for PSFS too). */
    public record Change(MeasureType measure, LocalDate effectiveDate, MeasureChange change) {
    }

    /**
     * From plan events: the adherence of the latest review week and the run of missed weeks at the
     * latest missed week, however late their events arrived. {@code percent} is truncated;
     * {@code percentage} is reported to one decimal.
     */
    public record Adherence(UUID planId, PlanStatus planStatus, LocalDate planStartDate, Integer countedSessions,
            Integer prescribedSessions, Integer percent, BigDecimal percentage, Boolean adherent,
            int consecutiveMissedWeeks, Integer lastMissedWeek) {
    }
}
