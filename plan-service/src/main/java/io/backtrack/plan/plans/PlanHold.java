package io.backtrack.plan.plans;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A stretch of days a plan was ON_HOLD, and the instants it began and ended; the end is null while it
 * lasts.
 */
@Entity
@Table(name = "plan_hold")
public class PlanHold extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;
}
