package io.backtrack.outcome.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A session plan-service reported: the day it was performed and whether it counted for adherence. */
@Entity
@Table(name = "logged_session")
public class LoggedSession extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "performed_on", nullable = false)
    public LocalDate performedOn;

    @Column(nullable = false)
    public boolean counts;

    /** Counted sessions performed in [from, before). */
    static Uni<Long> counted(UUID planId, LocalDate from, LocalDate before) {
        return count("planId = ?1 and counts = true and performedOn >= ?2 and performedOn < ?3", planId, from, before);
    }
}
