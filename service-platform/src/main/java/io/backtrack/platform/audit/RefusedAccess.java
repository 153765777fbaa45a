package io.backtrack.platform.audit;

import io.backtrack.platform.problem.ProblemResponses;
import io.backtrack.platform.security.Caller;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Audits each request for a record out of the caller's reach, then answers 404. An attempt on another
 * clinic's patient goes to that patient's chain, so their trail shows who tried; one on an id that
 * does not exist goes to the caller's clinic's chain. Both write one entry, so the time of the answer
 * does not tell them apart either. The request's own transaction has rolled back by now: the entry is
 * written in a transaction of its own.
 */
public class RefusedAccess {

    private final Pool pool;
    private final AuditTrail audit;
    private final Caller caller;

    public RefusedAccess(Pool pool, AuditTrail audit, Caller caller) {
        this.pool = pool;
        this.audit = audit;
        this.caller = caller;
    }

    @ServerExceptionMapper
    public Uni<Response> outOfReach(OutOfReachException e, UriInfo uri) {
        Response notFound = ProblemResponses.of(e.problem(), uri.getPath());
        String detail = e.patientId().isPresent() ? "refused: out of the caller's reach" : "refused: no such record";
        return pool.withTransaction(connection -> audit.record(connection, Actor.of(caller), AuditAction.REFUSED,
                        e.resourceType(), e.resourceId(), e.patientId().orElse(null), detail))
                .onFailure().invoke(failure -> Log.warnf("Could not audit a refused request for %s %s: %s",
                        e.resourceType(), e.resourceId(), failure.toString()))
                .onItemOrFailure().transform((ignored, failure) -> notFound);
    }
}
