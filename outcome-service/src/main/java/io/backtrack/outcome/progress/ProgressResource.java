package io.backtrack.outcome.progress;

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

@Path("/api/v1/patients/{patientId}/progress")
@Tag(name = "Progress", description = "Baseline, measures, change against baseline, adherence, reviews and escalations")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

    private final ProgressService progress;

    public ProgressResource(ProgressService progress) {
        this.progress = progress;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "A patient's progress in one call; escalations only for clinicians")
    public Uni<ProgressView> get(@RestPath("patientId") UUID patientId) {
        return progress.of(patientId);
    }
}
