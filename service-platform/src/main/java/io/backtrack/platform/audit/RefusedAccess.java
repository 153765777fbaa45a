package io.backtrack.platform.audit;

import io.backtrack.platform.problem.ProblemResponses;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a request for a record out of the caller's reach with 404, once it is audited ({@link AccessRefusals}). */
public class RefusedAccess {

    private final AccessRefusals refusals;

    public RefusedAccess(AccessRefusals refusals) {
        this.refusals = refusals;
    }

    @ServerExceptionMapper
    public Uni<Response> outOfReach(OutOfReachException e, UriInfo uri) {
        Response notFound = ProblemResponses.of(e.problem(), uri.getPath());
        return refusals.record(e).replaceWith(notFound);
    }
}
