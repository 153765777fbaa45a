package io.backtrack.platform.audit;

import io.backtrack.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/audit")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: audit", description = "The hash-chained audit trail of patient data access")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditChainVerifier verifier;

    public AuditResource(AuditChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Recompute the audit chain and report the first tampered entry, if any")
    public Uni<ChainVerification> verify() {
        return verifier.verify();
    }
}
