package io.backtrack.patient.intake;

import io.backtrack.platform.idempotency.IdempotencyKeys;
import io.backtrack.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/patients/{patientId}/intakes")
@Tag(name = "Intakes", description = "Intake assessment: history, symptoms, conditions, red flags, STarT Back, baselines")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource {

    private final IntakeService intakes;

    public IntakeResource(IntakeService intakes) {
        this.intakes = intakes;
    }

    @POST
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Record an intake; returns the screen's findings. A retry with the same Idempotency-Key and "
            + "body returns the first result (200); another body under that key is 422 idempotency-key-reused")
    @APIResponse(responseCode = "201", description = "Recorded, with the screen's findings; Location is its URL",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntakeView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the intake the first request with this Idempotency-Key recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntakeView.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> record(@RestPath("patientId") UUID patientId, @Valid @NotNull IntakeRequest request,
            @RestHeader(IdempotencyKeys.HEADER) @Size(max = 200) String idempotencyKey, UriInfo uri) {
        return intakes.record(patientId, request, idempotencyKey).map(recorded -> (recorded.replayed()
                        ? Response.ok()
                        : Response.created(uri.getAbsolutePathBuilder().path(recorded.view().id().toString()).build()))
                .entity(recorded.view())
                .build());
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "List a patient's intakes, oldest first")
    public Uni<List<IntakeView>> list(@RestPath("patientId") UUID patientId) {
        return intakes.list(patientId);
    }

    @GET
    @Path("/{intakeId}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Read one intake")
    public Uni<IntakeView> get(@RestPath("patientId") UUID patientId, @RestPath("intakeId") UUID intakeId) {
        return intakes.get(patientId, intakeId);
    }
}
