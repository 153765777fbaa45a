package io.backtrack.patient.redflag;

import io.backtrack.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/patients/{patientId}/red-flags")
@Tag(name = "Red flags", description = "Red flags open until a clinician clears them")
@Produces(MediaType.APPLICATION_JSON)
public class RedFlagResource {

    public record Clearance(@NotBlank @Size(max = 2000) String reason) {
    }

    private final RedFlagService redFlags;

    public RedFlagResource(RedFlagService redFlags) {
        this.redFlags = redFlags;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "List a patient's red flags, open and cleared")
    public Uni<List<RedFlagView>> list(@RestPath("patientId") UUID patientId) {
        return redFlags.list(patientId);
    }

    @POST
    @Path("/{flagId}/clear")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Clear a red flag after assessment; the reason is required and audited")
    public Uni<RedFlagView> clear(@RestPath("patientId") UUID patientId, @RestPath("flagId") UUID flagId, @Valid @NotNull Clearance clearance) {
        return redFlags.clear(patientId, flagId, clearance.reason());
    }
}
