package io.backtrack.outcome.fhir;

import io.backtrack.outcome.escalation.EscalationService;
import io.backtrack.outcome.escalation.EscalationView;
import io.backtrack.outcome.measure.MeasureService;
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
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.jboss.resteasy.reactive.RestPath;

/**
 * HL7 FHIR R4 read and search of what outcome-service owns (docs/fhir.md), built from the same service
 * calls as the REST API's, so the same roles, tenancy and audit apply: measures for a clinician or the
 * patient, escalations for a clinician of the patient's clinic; anything else is 404.
 */
@Path(Fhir.BASE_PATH)
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
public class FhirResource {

    private static final List<ServedResource> SERVED = List.of(
            new ServedResource("Observation", "Pain NRS, ODI and PSFS measures over the episode",
                    List.of(ServedResource.patient(), ServedResource.code(), ServedResource.date("The measure's day"))),
            new ServedResource("ServiceRequest", "Escalations to another provider: imaging, referrals, programmes "
                    + "(clinicians only)", List.of(ServedResource.patient())),
            new ServedResource("Task", "Escalations the treating team acts on: adherence intervention, plan revision, "
                    + "second opinion (clinicians only)", List.of(ServedResource.patient())));

    private final MeasureService measures;
    private final EscalationService escalations;
    private final RecordOwners owners;
    private final Date started = new Date();

    public FhirResource(MeasureService measures, EscalationService escalations, RecordOwners owners) {
        this.measures = measures;
        this.escalations = escalations;
        this.owners = owners;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    public CapabilityStatement metadata(UriInfo uri) {
        return Capabilities.of("outcome-service", SearchBundle.baseOf(uri), started, SERVED);
    }

    @GET
    @Path("/Observation")
    public Uni<Bundle> observations(UriInfo uri) {
        FhirSearch search = FhirSearch.of(uri, Set.of("code", "date"));
        return measures.list(search.patient())
                .map(views -> views.stream().map(MeasureObservations::of)
                        .filter(o -> search.matchesCode(List.of(o.getCode()))
                                && search.matchesDate(FhirTimes.dayOf(o.getEffectiveDateTimeType())))
                        .toList())
                .map(all -> SearchBundle.of(all, search, uri));
    }

    @GET
    @Path("/Observation/{id}")
    public Uni<Observation> observation(@RestPath("id") String id) {
        return owners.ofMeasure(FhirIds.uuid(id))
                .chain(patientId -> measures.get(patientId, FhirIds.uuid(id)))
                .map(MeasureObservations::of);
    }

    @GET
    @Path("/ServiceRequest")
    @RolesAllowed(Roles.CLINICIAN)
    public Uni<Bundle> serviceRequests(UriInfo uri) {
        return escalationsOf(uri, EscalationResources::isServiceRequest, EscalationResources::serviceRequest);
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @RolesAllowed(Roles.CLINICIAN)
    public Uni<ServiceRequest> serviceRequest(@RestPath("id") String id) {
        return escalation(id, EscalationResources::isServiceRequest).map(EscalationResources::serviceRequest);
    }

    @GET
    @Path("/Task")
    @RolesAllowed(Roles.CLINICIAN)
    public Uni<Bundle> tasks(UriInfo uri) {
        return escalationsOf(uri, Predicate.not(EscalationResources::isServiceRequest), EscalationResources::task);
    }

    @GET
    @Path("/Task/{id}")
    @RolesAllowed(Roles.CLINICIAN)
    public Uni<Task> task(@RestPath("id") String id) {
        return escalation(id, Predicate.not(EscalationResources::isServiceRequest)).map(EscalationResources::task);
    }

    private Uni<Bundle> escalationsOf(UriInfo uri, Predicate<EscalationView> kind,
            Function<EscalationView, ? extends Resource> resource) {
        FhirSearch search = FhirSearch.of(uri, Set.of());
        return escalations.ofPatient(search.patient())
                .map(views -> views.stream().filter(kind).<Resource>map(resource).toList())
                .map(all -> SearchBundle.of(all, search, uri));
    }

    private Uni<EscalationView> escalation(String id, Predicate<EscalationView> kind) {
        return escalations.get(FhirIds.uuid(id)).map(view -> {
            if (!kind.test(view)) {
                throw FhirIds.notFound(id);
            }
            return view;
        });
    }
}
