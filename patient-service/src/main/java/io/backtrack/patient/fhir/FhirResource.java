package io.backtrack.patient.fhir;

import io.backtrack.patient.intake.IntakeService;
import io.backtrack.patient.redflag.RedFlagService;
import io.backtrack.patient.registration.PatientService;
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
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.resteasy.reactive.RestPath;

/**
 * HL7 FHIR R4 read and search of what patient-service owns (docs/fhir.md). Every answer is built
 * from the same service calls as the REST API's, so the same tenancy and audit apply: a clinician
 * reaches their clinic's patients, a patient only themselves; anything else is 404.
 */
@Path(Fhir.BASE_PATH)
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
public class FhirResource {

    private static final List<ServedResource> SERVED = List.of(
            new ServedResource("Patient", "A registered patient", List.of()),
            new ServedResource("Condition", "The ICD-10-CM diagnoses of each intake",
                    List.of(ServedResource.patient(), ServedResource.code())),
            new ServedResource("Observation", "The intake's baselines: pain NRS, ODI, STarT Back, PSFS",
                    List.of(ServedResource.patient(), ServedResource.code(), ServedResource.date("The intake day"))),
            new ServedResource("Flag", "Red flags, active while open", List.of(ServedResource.patient())));

    private final PatientService patients;
    private final IntakeService intakes;
    private final RedFlagService redFlags;
    private final RecordOwners owners;
    private final Date started = new Date();

    public FhirResource(PatientService patients, IntakeService intakes, RedFlagService redFlags, RecordOwners owners) {
        this.patients = patients;
        this.intakes = intakes;
        this.redFlags = redFlags;
        this.owners = owners;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    public CapabilityStatement metadata(UriInfo uri) {
        return Capabilities.of("patient-service", SearchBundle.baseOf(uri), started, SERVED);
    }

    @GET
    @Path("/Patient/{id}")
    public Uni<Patient> patient(@RestPath("id") String id) {
        return patients.get(FhirIds.uuid(id)).map(FhirPatients::of);
    }

    @GET
    @Path("/Condition")
    public Uni<Bundle> conditions(UriInfo uri) {
        FhirSearch search = FhirSearch.of(uri, Set.of("code"));
        return intakes.list(search.patient()).map(IntakeConditions::of)
                .map(all -> SearchBundle.of(all.stream().filter(c -> search.matchesCode(List.of(c.getCode()))).toList(),
                        search, uri));
    }

    @GET
    @Path("/Condition/{id}")
    public Uni<Condition> condition(@RestPath("id") String id) {
        return owners.ofIntake(FhirIds.uuidAt(id)).chain(intakes::list).map(IntakeConditions::of)
                .map(all -> withId(all, id));
    }

    @GET
    @Path("/Observation")
    public Uni<Bundle> observations(UriInfo uri) {
        FhirSearch search = FhirSearch.of(uri, Set.of("code", "date"));
        return intakes.list(search.patient()).map(IntakeObservations::of)
                .map(all -> SearchBundle.of(all.stream()
                        .filter(o -> search.matchesCode(List.of(o.getCode()))
                                && search.matchesDate(FhirTimes.dayOf(o.getEffectiveDateTimeType())))
                        .toList(), search, uri));
    }

    @GET
    @Path("/Observation/{id}")
    public Uni<Observation> observation(@RestPath("id") String id) {
        UUID intakeId = FhirIds.uuidAt(id);
        return owners.ofIntake(intakeId).chain(patientId -> intakes.get(patientId, intakeId))
                .map(intake -> IntakeObservations.of(List.of(intake))).map(all -> withId(all, id));
    }

    @GET
    @Path("/Flag")
    public Uni<Bundle> flags(UriInfo uri) {
        FhirSearch search = FhirSearch.of(uri, Set.of());
        return redFlags.list(search.patient()).map(flags -> SearchBundle.of(RedFlagFlags.of(search.patient(), flags),
                search, uri));
    }

    @GET
    @Path("/Flag/{id}")
    public Uni<Flag> flag(@RestPath("id") String id) {
        UUID flagId = FhirIds.uuid(id);
        return owners.ofRedFlag(flagId)
                .chain(patientId -> redFlags.list(patientId).map(flags -> RedFlagFlags.of(patientId, flags)))
                .map(all -> withId(all, id));
    }

    private static <T extends Resource> T withId(List<T> resources, String id) {
        return resources.stream().filter(r -> r.getIdElement().getIdPart().equals(id)).findFirst()
                .orElseThrow(() -> FhirIds.notFound(id));
    }
}
