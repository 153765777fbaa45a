package io.backtrack.plan.plans;

import io.backtrack.contracts.clinical.PlanStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A version of a patient's plan. Every version belongs to the course its first version started
 * ({@code courseId} is that version's id) and keeps the course's day 0. Phases, overrides and
 * warnings are stored as JSON.
 */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(nullable = false)
    public int version;

    public UUID supersedes;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "sessions_per_week", nullable = false)
    public int sessionsPerWeek;

    @Column(name = "duration_weeks", nullable = false)
    public int durationWeeks;

    @Column(nullable = false)
    public String phases;

    @Column(name = "pain_triggers", nullable = false)
    public String painTriggers;

    @Column(name = "activity_modifications", nullable = false)
    public String activityModifications;

    @Column(nullable = false)
    public String goals;

    @Column(nullable = false)
    public String overrides;

    @Column(nullable = false)
    public String warnings;

    /** The rules a late fact made this plan break, as JSON findings; empty unless it was held for them. */
    @Column(name = "hold_violations", nullable = false)
    public String holdViolations;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    public int rowVersion;
}
