package io.backtrack.plan.profile;

import io.backtrack.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/patients/{patientId}/clinical-profile")
@Tag(name = "Plans", description = "Condition-aware exercise plans and their lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public class ClinicalProfileResource {

    private final ClinicalProfileService profiles;

    public ClinicalProfileResource(ClinicalProfileService profiles) {
        this.profiles = profiles;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "The clinical picture plans are validated against: the intakes applied, conditions and "
            + "open red flags. A plan based on an intake not listed here yet answers 409 intake-pending.")
    public Uni<ClinicalProfileView> get(@RestPath("patientId") UUID patientId) {
        return profiles.of(patientId);
    }
}
