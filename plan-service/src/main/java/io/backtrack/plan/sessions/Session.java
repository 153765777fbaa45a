package io.backtrack.plan.sessions;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A logged session; lists are stored as JSON. */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** The fingerprint of the request stored under the idempotency key. */
    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "performed_at", nullable = false)
    public Instant performedAt;

    @Column(name = "logged_at", nullable = false)
    public Instant loggedAt;

    @Column(name = "logged_by", nullable = false)
    public String loggedBy;

    @Column(name = "plan_week", nullable = false)
    public int planWeek;

    @Column(name = "exercises_done", nullable = false)
    public String exercisesDone;

    @Column(nullable = false)
    public int prescribed;

    @Column(nullable = false)
    public int done;

    @Column(nullable = false)
    public boolean counts;

    @Column(name = "pain_before", nullable = false)
    public int painBefore;

    @Column(name = "pain_after", nullable = false)
    public int painAfter;

    public Integer effort;

    @Column(name = "new_symptoms", nullable = false)
    public String newSymptoms;

    @Column(name = "red_flags", nullable = false)
    public String redFlags;

    @Column(name = "motor_deficit", nullable = false)
    public boolean motorDeficit;
}
