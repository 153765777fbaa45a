package io.backtrack.outcome.review;

import io.backtrack.contracts.clinical.ReviewStatus;
import io.backtrack.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/reviews")
@Tag(name = "Reviews", description = "Week-4 and week-6 reviews: verdict and the numbers behind it")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewService reviews;

    public ReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(summary = "List the reviews of the clinician's clinic by due date, optionally by status and patient")
    public Uni<List<ReviewView>> search(@RestQuery("status") ReviewStatus status, @RestQuery("clinicId") String clinicId,
            @RestQuery("patientId") UUID patientId) {
        return reviews.search(status, clinicId, patientId);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(summary = "Read one review")
    public Uni<ReviewView> get(@RestPath("id") UUID id) {
        return reviews.get(id);
    }
}
