package io.backtrack.plan.timeline;

import io.backtrack.plan.access.PatientAccess;
import io.backtrack.plan.plans.Plan;
import io.backtrack.plan.plans.PlanHold;
import io.backtrack.plan.sessions.Session;
import io.backtrack.platform.audit.Actor;
import io.backtrack.platform.audit.AuditAction;
import io.backtrack.platform.audit.AuditTrail;
import io.backtrack.platform.security.Caller;
import io.backtrack.platform.security.Roles;
import io.backtrack.platform.timeline.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/patients/{patientId}/timeline")
@Tag(name = "Timeline", description = "A patient's episode in date order; patient-service and outcome-service serve theirs alike")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final PatientAccess access;
    private final AuditTrail audit;
    private final Caller caller;

    public TimelineResource(PatientAccess access, AuditTrail audit, Caller caller) {
        this.access = access;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @WithTransaction
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Plan versions, holds and resumptions, and sessions, in date order")
    public Uni<List<TimelineEntry>> get(@RestPath("patientId") UUID patientId) {
        return access.patient(patientId).chain(patient -> Plan.<Plan>list("patientId", patientId).chain(plans -> {
            if (plans.isEmpty()) {
                return Uni.createFrom().item(List.<TimelineEntry>of());
            }
            List<UUID> planIds = plans.stream().map(plan -> plan.id).toList();
            List<TimelineEntry> entries = new ArrayList<>();
            plans.forEach(plan -> entries.add(new TimelineEntry(plan.createdAt, "PLAN_VERSION", plan.id,
                    "plan version " + plan.version + ", now " + plan.status)));
            return PlanHold.<PlanHold>list("planId in ?1", planIds).invoke(holds -> holds.forEach(hold -> {
                entries.add(new TimelineEntry(hold.startedAt, "PLAN_ON_HOLD", hold.planId, "plan on hold"));
                if (hold.endedAt != null) {
                    entries.add(new TimelineEntry(hold.endedAt, "PLAN_RESUMED", hold.planId, "plan resumed"));
                }
            })).chain(() -> Session.<Session>list("planId in ?1", planIds)).map(sessions -> {
                sessions.forEach(session -> entries.add(new TimelineEntry(session.performedAt, "SESSION", session.id,
                        "session of week " + session.planWeek + ": " + session.done + " of " + session.prescribed
                                + " exercises, pain " + session.painBefore + " to " + session.painAfter)));
                return TimelineEntry.inOrder(entries);
            });
        })).call(entries -> audit.record(Actor.of(caller), AuditAction.READ, "timeline", patientId, patientId));
    }
}
