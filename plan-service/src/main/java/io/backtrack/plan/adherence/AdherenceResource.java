package io.backtrack.plan.adherence;

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
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/plans/{planId}/adherence")
@Tag(name = "Adherence", description = "Sessions counted against sessions prescribed")
@Produces(MediaType.APPLICATION_JSON)
public class AdherenceResource {

    private final PatientAccess access;
    private final AdherenceWindows windows;
    private final AdherenceRules rules;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public AdherenceResource(PatientAccess access, AdherenceWindows windows, AdherenceRules rules, AuditTrail audit,
            Caller caller, Clock clock) {
        this.access = access;
        this.windows = windows;
        this.rules = rules;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @WithTransaction
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Adherence per ended week and overall so far, and the missed weeks with their consecutive count")
    public Uni<AdherenceView> adherence(@RestPath("planId") UUID planId) {
        return access.plan(planId)
                .call(plan -> audit.record(Actor.of(caller), AuditAction.READ, "adherence", plan.id, plan.patientId))
                .chain(plan -> windows.of(plan).map(window -> {
                    long elapsed = ChronoUnit.DAYS.between(plan.startDate, LocalDate.now(clock));
                    int endedWeeks = (int) Math.max(0, Math.min(plan.durationWeeks, elapsed / 7));
                    return AdherenceView.of(plan.id, rules.adherentPercent(), window, endedWeeks);
                }));
    }
}
