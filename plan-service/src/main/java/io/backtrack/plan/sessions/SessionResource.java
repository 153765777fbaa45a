package io.backtrack.plan.sessions;

import io.backtrack.platform.idempotency.IdempotencyKeys;
import io.backtrack.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

@Path("/api/v1/plans/{planId}/sessions")
@Tag(name = "Sessions", description = "Exercise sessions logged by the patient or a clinician")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final RoutineSessions routine;
    private final SessionService sessions;

    public SessionResource(RoutineSessions routine, SessionService sessions) {
        this.routine = routine;
        this.sessions = sessions;
    }

    @POST
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Log a session; a retry with the same Idempotency-Key and body returns the first result (200), "
            + "another body under that key is 422 idempotency-key-reused; a session of the patient at the same "
            + "performedAt without that key is 409 session-already-logged")
    @APIResponse(responseCode = "201", description = "Logged; Location is its URL, under the plan version it was logged on",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the session the first request with this Idempotency-Key logged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> log(@RestPath("planId") UUID planId,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(max = 200) String idempotencyKey,
            @Valid @NotNull SessionRequest request) {
        return routine.log(planId, idempotencyKey, request)
                .onItem().ifNull().switchTo(() -> sessions.log(planId, idempotencyKey, request))
                .map(logged -> Response
                        .status(logged.created() ? Response.Status.CREATED : Response.Status.OK)
                        .location(UriBuilder.fromPath("/api/v1/plans/{planId}/sessions/{sessionId}")
                                .build(logged.session().planId(), logged.session().id()))
                        .entity(logged.session())
                        .build());
    }

    @GET
    @Path("/{sessionId}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Read one session")
    public Uni<SessionView> get(@RestPath("planId") UUID planId, @RestPath("sessionId") UUID sessionId) {
        return sessions.get(planId, sessionId);
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "A plan's sessions, by when they were performed")
    public Uni<List<SessionView>> list(@RestPath("planId") UUID planId) {
        return sessions.list(planId);
    }
}
