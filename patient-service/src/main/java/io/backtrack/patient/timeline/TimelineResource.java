package io.backtrack.patient.timeline;

import io.backtrack.patient.access.PatientAccess;
import io.backtrack.patient.intake.Intake;
import io.backtrack.patient.redflag.RedFlag;
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
@Tag(name = "Timeline", description = "A patient's episode in date order; plan-service and outcome-service serve theirs alike")
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
    @Operation(summary = "Registration, intakes and red flags (raised and cleared), in date order")
    public Uni<List<TimelineEntry>> get(@RestPath("patientId") UUID patientId) {
        return access.find(patientId).chain(patient -> Intake.<Intake>list("patientId", patientId)
                .chain(intakes -> RedFlag.ofPatient(patientId).map(flags -> {
                    List<TimelineEntry> entries = new ArrayList<>();
                    entries.add(new TimelineEntry(patient.registeredAt, "REGISTERED", patient.id, "registered"));
                    intakes.forEach(intake -> entries.add(new TimelineEntry(intake.recordedAt, "INTAKE", intake.id,
                            "intake of " + intake.intakeDate)));
                    flags.forEach(flag -> {
                        entries.add(new TimelineEntry(flag.raisedAt, "RED_FLAG_RAISED", flag.id,
                                flag.flag + " (" + flag.urgency + ")"));
                        if (flag.clearedAt != null) {
                            entries.add(new TimelineEntry(flag.clearedAt, "RED_FLAG_CLEARED", flag.id, flag.flag + " cleared"));
                        }
                    });
                    return TimelineEntry.inOrder(entries);
                })))
                .call(entries -> audit.record(Actor.of(caller), AuditAction.READ, "timeline", patientId, patientId));
    }
}
