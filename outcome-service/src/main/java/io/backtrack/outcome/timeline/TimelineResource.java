package io.backtrack.outcome.timeline;

import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.outcome.escalation.Escalation;
import io.backtrack.outcome.escalation.EscalationTransition;
import io.backtrack.outcome.measure.Measure;
import io.backtrack.outcome.profile.PatientAccess;
import io.backtrack.outcome.review.Review;
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
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/patients/{patientId}/timeline")
@Tag(name = "Timeline", description = "A patient's episode in date order; patient-service and plan-service serve theirs alike")
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
    @Operation(summary = "Measures (on their effective day), reviews (due, completed) and, for clinicians, "
            + "escalations with every step of their lifecycle, in date order")
    public Uni<List<TimelineEntry>> get(@RestPath("patientId") UUID patientId) {
        List<TimelineEntry> entries = new ArrayList<>();
        return access.find(patientId)
                .chain(profile -> Measure.ofPatient(patientId))
                .invoke(measures -> measures.forEach(m -> entries.add(TimelineEntry.on(m.effectiveDate, "MEASURE", m.id,
                        m.type + " " + m.value.toPlainString()))))
                .chain(() -> Review.<Review>list("patientId", patientId))
                .invoke(reviews -> reviews.forEach(review -> {
                    entries.add(TimelineEntry.on(review.dueDate, "REVIEW_DUE", review.id, "week-" + review.week + " review due"));
                    if (review.completedAt != null) {
                        entries.add(new TimelineEntry(review.completedAt, "REVIEW_" + review.status, review.id,
                                "week-" + review.week + " review " + (review.status == ReviewStatus.OVERDUE ? "overdue"
                                        : "completed: " + review.verdict)));
                    }
                }))
                .chain(() -> Escalation.ofPatientSeenBy(caller, patientId))
                .chain(escalations -> escalations.isEmpty() ? Uni.createFrom().item(List.<EscalationTransition>of())
                        : EscalationTransition.<EscalationTransition>list("escalationId in ?1",
                                escalations.stream().map(e -> e.id).toList())
                                .invoke(steps -> {
                                    Map<UUID, Escalation> byId = escalations.stream()
                                            .collect(Collectors.toMap(e -> e.id, Function.identity()));
                                    steps.forEach(step -> entries.add(entry(step, byId.get(step.escalationId))));
                                }))
                .map(ignored -> TimelineEntry.inOrder(entries))
                .call(timeline -> audit.record(Actor.of(caller), AuditAction.READ, "timeline", patientId, patientId));
    }

    /** A step the rules took without a change of status (a raised urgency, a further finding) says what and why. */
    private static TimelineEntry entry(EscalationTransition step, Escalation escalation) {
        if (step.fromStatus == step.toStatus) {
            return new TimelineEntry(step.occurredAt, "ESCALATION_UPDATED", step.escalationId,
                    escalation.type + " (" + step.urgency + ") " + step.reason);
        }
        return new TimelineEntry(step.occurredAt, "ESCALATION_" + step.toStatus, step.escalationId,
                escalation.type + " " + step.toStatus + " (" + step.urgency + ")");
    }
}
