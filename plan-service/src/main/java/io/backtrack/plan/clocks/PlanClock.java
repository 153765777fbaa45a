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

/**
 * Something a plan course must do on a day, whichever version is in force then: fired once, by
 * whichever replica claims it first.
 */
@Entity
@Table(name = "plan_clock")
public class PlanClock extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockKind kind;

    @Column(nullable = false)
    public int week;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "fired_at")
    public Instant firedAt;

    /** The version the clock fired on: its course's ACTIVE version then. */
    @Column(name = "fired_plan_id")
    public UUID firedPlanId;

    static PlanClock of(UUID courseId, ClockKind kind, int week, LocalDate dueOn) {
        PlanClock clock = new PlanClock();
        clock.courseId = courseId;
        clock.kind = kind;
        clock.week = week;
        clock.dueOn = dueOn;
        return clock;
    }
}
