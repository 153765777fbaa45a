package io.backtrack.outcome.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.contracts.clinical.ReviewVerdict;
import io.backtrack.contracts.outcome.MeasureChange;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A week-4 or week-6 review of one plan: awaiting measures, completed with a verdict and the numbers
 * behind it, or overdue. Adherence starts as the snapshot the review-due event carried and is counted
 * again when the review completes, so sessions logged late still count.
 */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public int week;

    @Column(name = "plan_start_date", nullable = false)
    public LocalDate planStartDate;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus status;

    @Enumerated(EnumType.STRING)
    public ReviewVerdict verdict;

    /** The pain {@link MeasureChange} as JSON. */
    public String pain;

    /** The ODI {@link MeasureChange} as JSON; null without an intake ODI. */
    public String odi;

    @Column(name = "pain_measure_id")
    public UUID painMeasureId;

    @Column(name = "odi_measure_id")
    public UUID odiMeasureId;

    @Column(name = "adherence_counted", nullable = false)
    public int adherenceCounted;

    @Column(name = "adherence_prescribed", nullable = false)
    public int adherencePrescribed;

    @Column(name = "adherence_percent", nullable = false)
    public int adherencePercent;

    @Column(nullable = false)
    public boolean adherent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public AdherenceSnapshot adherence() {
        return AdherenceSnapshot.of(adherenceCounted, adherencePrescribed, adherent);
    }

    public MeasureChange painChange() {
        return read(pain);
    }

    public MeasureChange odiChange() {
        return read(odi);
    }

    static String write(MeasureChange change) {
        try {
            return change == null ? null : EventJson.mapper().writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MeasureChange read(String json) {
        try {
            return json == null ? null : EventJson.mapper().readValue(json, MeasureChange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored measure change is JSON", e);
        }
    }
}
