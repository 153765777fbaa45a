package io.backtrack.plan.clocks;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Something a plan must do on a day: fired once, by whichever replica claims it first. */
@Entity
@Table(name = "plan_clock")
public class PlanClock extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockKind kind;

    @Column(nullable = false)
    public int week;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "fired_at")
    public Instant firedAt;

    static PlanClock of(UUID planId, ClockKind kind, int week, LocalDate dueOn) {
        PlanClock clock = new PlanClock();
        clock.planId = planId;
        clock.kind = kind;
        clock.week = week;
        clock.dueOn = dueOn;
        return clock;
    }
}
