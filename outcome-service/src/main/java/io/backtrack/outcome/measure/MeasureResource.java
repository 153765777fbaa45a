package io.backtrack.outcome.measure;

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

@Path("/api/v1/patients/{patientId}/measures")
@RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
@Tag(name = "Measures", description = "Pain NRS, ODI and PSFS over time, by clinician or patient")
@Produces(MediaType.APPLICATION_JSON)
public class MeasureResource {

    private final MeasureService measures;

    public MeasureResource(MeasureService measures) {
        this.measures = measures;
    }

    @POST
    @Operation(summary = "Record a measure; a retry with the same Idempotency-Key and body returns the first result (200), "
            + "another body under that key is 422 idempotency-key-reused")
    @APIResponse(responseCode = "201", description = "Recorded; Location is its URL",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasureView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the measure the first request with this Idempotency-Key recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasureView.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> record(@RestPath("patientId") UUID patientId,
            @RestHeader(IdempotencyKeys.HEADER) @Size(max = 200) String idempotencyKey,
            @Valid @NotNull MeasureRequest request) {
        return measures.record(patientId, request, idempotencyKey).map(recorded -> Response
                .status(recorded.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .header("Location", "/api/v1/patients/" + patientId + "/measures/" + recorded.measure().id())
                .entity(recorded.measure())
                .build());
    }

    @GET
    @Path("/{measureId}")
    @Operation(summary = "Read one measure")
    public Uni<MeasureView> get(@RestPath("patientId") UUID patientId, @RestPath("measureId") UUID measureId) {
        return measures.get(patientId, measureId);
    }

    @GET
    @Operation(summary = "List a patient's measures by effective date")
    public Uni<List<MeasureView>> list(@RestPath("patientId") UUID patientId) {
        return measures.list(patientId);
    }
}
