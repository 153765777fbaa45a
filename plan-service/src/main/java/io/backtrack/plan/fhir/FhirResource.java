package io.backtrack.plan.fhir;

import io.backtrack.plan.plans.PlanService;
import io.backtrack.plan.sessions.SessionService;
import io.backtrack.platform.fhir.Capabilities;
import io.backtrack.platform.fhir.Fhir;
import io.backtrack.platform.fhir.FhirIds;
import io.backtrack.platform.fhir.FhirSearch;
import io.backtrack.platform.fhir.FhirTimes;
import io.backtrack.platform.fhir.SearchBundle;
import io.backtrack.platform.fhir.ServedResource;
import io.backtrack.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Procedure;
import org.jboss.resteasy.reactive.RestPath;

/**
 * HL7 FHIR R4 read and search of what plan-service owns (docs/fhir.md), built from the same service
 * calls as the REST API's, so the same tenancy and audit apply; anything the caller may not see is 404.
 */
@Path(Fhir.BASE_PATH)
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
public class FhirResource {

    private static final List<ServedResource> SERVED = List.of(
            new ServedResource("CarePlan", "Each version of the patient's exercise plan", List.of(ServedResource.patient())),
            new ServedResource("Procedure", "Each logged exercise session",
                    List.of(ServedResource.patient(), ServedResource.date("The day the session was performed (UTC)"))));

    private final PlanService plans;
    private final SessionService sessions;
    private final RecordOwners owners;
    private final Clock clock;
    private final Date started = new Date();

    public FhirResource(PlanService plans, SessionService sessions, RecordOwners owners, Clock clock) {
        this.plans = plans;
        this.sessions = sessions;
        this.owners = owners;
        this.clock = clock;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    public CapabilityStatement metadata(UriInfo uri) {
        return Capabilities.of("plan-service", SearchBundle.baseOf(uri), started, SERVED);
    }

    @GET
    @Path("/CarePlan")
    public Uni<Bundle> carePlans(UriInfo uri) {
        FhirSearch search = FhirSearch.of(uri, Set.of());
        return plans.ofPatient(search.patient())
                .chain(views -> owners.exerciseNames().map(names -> views.stream()
                        .map(view -> CarePlans.of(view, names, LocalDate.now(clock))).toList()))
                .map(all -> SearchBundle.of(all, search, uri));
    }

    @GET
    @Path("/CarePlan/{id}")
    public Uni<CarePlan> carePlan(@RestPath("id") String id) {
        return plans.get(FhirIds.uuid(id))
                .chain(view -> owners.exerciseNames().map(names -> CarePlans.of(view, names, LocalDate.now(clock))));
    }

    @GET
    @Path("/Procedure")
    public Uni<Bundle> procedures(UriInfo uri) {
        FhirSearch search = FhirSearch.of(uri, Set.of("date"));
        return sessions.ofPatient(search.patient())
                .map(views -> views.stream().map(view -> SessionProcedures.of(search.patient(), view))
                        .filter(p -> search.matchesDate(FhirTimes.dayOf(p.getPerformedDateTimeType())))
                        .toList())
                .map(all -> SearchBundle.of(all, search, uri));
    }

    @GET
    @Path("/Procedure/{id}")
    public Uni<Procedure> procedure(@RestPath("id") String id) {
        UUID sessionId = FhirIds.uuid(id);
        return owners.ofSession(sessionId).chain(owner -> sessions.get(owner.planId(), sessionId)
                .map(view -> SessionProcedures.of(owner.patientId(), view)));
    }
}
