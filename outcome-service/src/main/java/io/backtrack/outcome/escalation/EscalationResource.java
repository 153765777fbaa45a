package io.backtrack.outcome.escalation;

import io.backtrack.contracts.clinical.EscalationStatus;
import io.backtrack.contracts.clinical.EscalationType;
import io.backtrack.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/escalations")
@RolesAllowed(Roles.CLINICIAN)
@Tag(name = "Escalations", description = "Recommended next steps with their reasons; clinicians decide. "
        + "Transitions accept If-Match with the escalation's ETag: of two conflicting clicks one wins, the other "
        + "gets 409 (412 under If-Match).")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationResource {

    /** An optional note; required (non-blank) to decline. */
    public record Decision(@Size(max = 2000) String reason) {
    }

    private final EscalationService escalations;

    public EscalationResource(EscalationService escalations) {
        this.escalations = escalations;
    }

    @GET
    @Operation(summary = "List escalations of the clinician's clinic, filtered by status, type and patient")
    public Uni<List<EscalationView>> search(@RestQuery("status") EscalationStatus status, @RestQuery("type") EscalationType type,
            @RestQuery("patientId") UUID patientId) {
        return escalations.search(status, type, patientId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one escalation: rule, rationale, evidence and guideline; its ETag is its version")
    @APIResponse(responseCode = "200", description = "The escalation; ETag is its version",
            headers = @Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationView.class)))
    public Uni<Response> get(@RestPath("id") UUID id) {
        return escalations.get(id).map(EscalationResource::withEtag);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Acknowledge a recommended escalation")
    @APIResponse(responseCode = "200", description = "The escalation in its new status; ETag is its new version",
            headers = @Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> acknowledge(@RestPath("id") UUID id, @RestHeader("If-Match") String ifMatch, @Valid Decision decision) {
        return escalations.transition(id, EscalationLifecycle.ACKNOWLEDGE, reason(decision), ifMatch)
                .map(EscalationResource::withEtag);
    }

    @POST
    @Path("/{id}/order")
    @Operation(summary = "Order an acknowledged escalation")
    @APIResponse(responseCode = "200", description = "The escalation in its new status; ETag is its new version",
            headers = @Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> order(@RestPath("id") UUID id, @RestHeader("If-Match") String ifMatch, @Valid Decision decision) {
        return escalations.transition(id, EscalationLifecycle.ORDER, reason(decision), ifMatch)
                .map(EscalationResource::withEtag);
    }

    @POST
    @Path("/{id}/decline")
    @Operation(summary = "Decline an escalation; the reason is required and audited (terminal)")
    @APIResponse(responseCode = "200", description = "The escalation in its new status; ETag is its new version",
            headers = @Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> decline(@RestPath("id") UUID id, @RestHeader("If-Match") String ifMatch, @Valid Decision decision) {
        return escalations.transition(id, EscalationLifecycle.DECLINE, reason(decision), ifMatch)
                .map(EscalationResource::withEtag);
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Complete an ordered escalation (terminal)")
    @APIResponse(responseCode = "200", description = "The escalation in its new status; ETag is its new version",
            headers = @Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> complete(@RestPath("id") UUID id, @RestHeader("If-Match") String ifMatch, @Valid Decision decision) {
        return escalations.transition(id, EscalationLifecycle.COMPLETE, reason(decision), ifMatch)
                .map(EscalationResource::withEtag);
    }

    private static Response withEtag(EscalationView view) {
        return Response.ok(view).header(HttpHeaders.ETAG, view.etag()).build();
    }

    private static String reason(Decision decision) {
        return decision == null ? null : decision.reason();
    }
}
