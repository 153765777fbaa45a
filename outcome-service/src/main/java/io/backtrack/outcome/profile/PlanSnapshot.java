package io.backtrack.outcome.profile;

import io.backtrack.contracts.clinical.AdherenceSnapshot;
import io.backtrack.contracts.clinical.PlanStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A plan as the plan events describe it, with the latest adherence they reported. */
@Entity
@Table(name = "plan_snapshot")
public class PlanSnapshot extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "sessions_per_week", nullable = false)
    public int sessionsPerWeek;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    /** When plan-service last changed the status; none while the plan is as activated. */
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "adherence_counted")
    public Integer adherenceCounted;

    @Column(name = "adherence_prescribed")
    public Integer adherencePrescribed;

    @Column(name = "adherence_percent")
    public Integer adherencePercent;

    public Boolean adherent;

    /** The review week the adherence is of. */
    @Column(name = "adherence_week")
    public Integer adherenceWeek;

    @Column(name = "consecutive_missed_weeks", nullable = false)
    public int consecutiveMissedWeeks;

    @Column(name = "last_missed_week")
    public Integer lastMissedWeek;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * A missed week's run, unless a later week's run is already here: a week that arrives late (redelivered
     * from the dead-letter topic) does not turn the run back. RoutineMissedWeeks does the same in SQL.
     */
    public void weekMissed(int week, int consecutive, Instant at) {
        if (lastMissedWeek != null && lastMissedWeek > week) {
            return;
        }
        consecutiveMissedWeeks = consecutive;
        lastMissedWeek = week;
        updatedAt = at;
    }

    /** A status change, unless a later one is already here. */
    public void statusChanged(PlanStatus to, Instant changedAt, Instant at) {
        if (statusChangedAt != null && !changedAt.isAfter(statusChangedAt)) {
            return;
        }
        status = to;
        statusChangedAt = changedAt;
        updatedAt = at;
    }

    /** A review's adherence, unless a later review's is already here. */
    public void reviewed(int week, AdherenceSnapshot adherence, Instant at) {
        if (adherenceWeek != null && adherenceWeek > week) {
            return;
        }
        adherenceWeek = week;
        adherenceCounted = adherence.countedSessions();
        adherencePrescribed = adherence.prescribedSessions();
        adherencePercent = adherence.percent();
        adherent = adherence.adherent();
        updatedAt = at;
    }

    public static Uni<PlanSnapshot> latestOf(UUID patientId) {
        return find("patientId = ?1 order by updatedAt desc", patientId).firstResult();
    }
}
