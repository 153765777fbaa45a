package io.backtrack.outcome.worklist;

import io.backtrack.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/worklist")
@Tag(name = "Worklist", description = "What the clinic's clinicians should act on, most urgent first")
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {

    private final Worklist worklist;

    public WorklistResource(Worklist worklist) {
        this.worklist = worklist;
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "Open escalations, plans on hold, and overdue and awaiting reviews of the caller's clinic: "
            + "by urgency (EMERGENCY, URGENT, ROUTINE), then the longest waiting first; paged")
    public Uni<WorklistPage> get(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) Integer page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) Integer size) {
        return worklist.page(page, size);
    }
}
