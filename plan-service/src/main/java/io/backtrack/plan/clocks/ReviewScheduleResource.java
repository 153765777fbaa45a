package io.backtrack.plan.clocks;

import io.backtrack.plan.access.PatientAccess;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.security.Caller;
import io.backtrack.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/plans/{planId}/reviews")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewScheduleResource {

    /**
     * A review of the plan's course as plan-service schedules it: the week-4 review from day 0, the
     * week-6 one from the week-4 verdict that calls for it. Once it has fallen due, outcome-service holds
     * the review itself ({@code GET /api/v1/reviews?patientId=…}).
     */
    public record ScheduledReview(int week, LocalDate dueOn, State state) {

        public enum State {
            SCHEDULED,
            FALLEN_DUE
        }
    }

    private final PatientAccess access;
    private final AuditTrail audit;
    private final Caller caller;

    public ReviewScheduleResource(PatientAccess access, AuditTrail audit, Caller caller) {
        this.access = access;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @WithTransaction
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "The reviews of the plan's course: scheduled as soon as they are, and whether they fell due")
    public Uni<List<ScheduledReview>> get(@RestPath("planId") UUID planId) {
        return access.plan(planId)
                .call(plan -> audit.record(Actor.of(caller), AuditAction.READ, "review-schedule", plan.id, plan.patientId))
                .chain(plan -> PlanClock.<PlanClock>list("courseId = ?1 and kind = ?2 order by week", plan.courseId,
                        ClockKind.REVIEW))
                .map(clocks -> clocks.stream().map(clock -> new ScheduledReview(clock.week, clock.dueOn,
                        clock.firedAt == null ? ScheduledReview.State.SCHEDULED : ScheduledReview.State.FALLEN_DUE))
                        .toList());
    }
}
