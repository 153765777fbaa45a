package io.backtrack.plan.plans;

import io.backtrack.contracts.clinical.PlanStatus;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1")
@Tag(name = "Plans", description = "Condition-aware exercise plans and their lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    public record StatusChange(@NotNull PlanStatus status, @NotBlank @Size(max = 500) String reason) {
    }

    private final PlanService plans;

    public PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @POST
    @Path("/patients/{patientId}/plans")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Create a patient's plan; 409 intake-pending until the intake it names is applied here, "
            + "409 plan-exists when the patient has a current plan, 422 lists every rule it breaks, 201 its warnings")
    @APIResponse(responseCode = "201", description = "Created and ACTIVE, with its warnings; Location is its URL",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> create(@RestPath("patientId") UUID patientId, @Valid @NotNull PlanRequest request) {
        return plans.create(patientId, request).map(PlanResource::created);
    }

    @GET
    @Path("/patients/{patientId}/plans")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "A patient's plans, every version")
    public Uni<List<PlanView>> ofPatient(@RestPath("patientId") UUID patientId) {
        return plans.ofPatient(patientId);
    }

    @GET
    @Path("/plans/{planId}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Read a plan")
    public Uni<PlanView> get(@RestPath("planId") UUID planId) {
        return plans.get(planId);
    }

    @POST
    @Path("/plans/{planId}/revisions")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Replace a plan by its next version; the old one becomes REVISED (409 intake-pending as on create)",
            description = "The next version continues the course: it keeps the startDate (422 revision-keeps-day-0 "
                    + "otherwise), the weekly checks and the review due days of the first version.")
    @APIResponse(responseCode = "201", description = "The next version, ACTIVE; the previous one is REVISED; Location is its URL",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> revise(@RestPath("planId") UUID planId, @Valid @NotNull PlanRequest request) {
        return plans.revise(planId, request).map(PlanResource::created);
    }

    @POST
    @Path("/plans/{planId}/status")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Hold, resume, complete, or move to maintenance; a plan put back in use (resumed, or taken up "
            + "again as maintenance) is re-validated (422 while a red flag is open or it still breaks a rule; 409 "
            + "plan-exists beside another current plan)")
    @APIResponse(responseCode = "200", description = "The plan in its new status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<PlanView> changeStatus(@RestPath("planId") UUID planId, @Valid @NotNull StatusChange change) {
        return plans.changeStatus(planId, change.status(), change.reason());
    }

    private static Response created(PlanView view) {
        return Response.created(UriBuilder.fromPath("/api/v1/plans/{id}").build(view.id())).entity(view).build();
    }
}
