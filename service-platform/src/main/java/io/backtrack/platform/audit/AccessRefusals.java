package io.backtrack.platform.audit;

import io.backtrack.platform.security.Caller;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The audit entry of a request for a record out of the caller's reach. An attempt on another
 * clinic's patient goes to that patient's chain, so their trail shows who tried; one on an id that
 * does not exist goes to the caller's clinic's chain. Both write one entry, so the time of the answer
 * does not tell them apart either. It is written in a transaction of its own: the request's, if any,
 * has rolled back.
 */
@ApplicationScoped
public class AccessRefusals {

    private final Pool pool;
    private final AuditTrail audit;
    private final Caller caller;

    public AccessRefusals(Pool pool, AuditTrail audit, Caller caller) {
        this.pool = pool;
        this.audit = audit;
        this.caller = caller;
    }

    /** Writes the entry; a failure to write it is logged, and the refusal stands. */
    public Uni<Void> record(OutOfReachException refused) {
        String detail = refused.patientId().isPresent() ? "refused: out of the caller's reach" : "refused: no such record";
        return pool.withTransaction(connection -> audit.record(connection, Actor.of(caller), AuditAction.REFUSED,
                        refused.resourceType(), refused.resourceId(), refused.patientId().orElse(null), detail))
                .onFailure().invoke(failure -> Log.warnf("Could not audit a refused request for %s %s: %s",
                        refused.resourceType(), refused.resourceId(), failure.toString()))
                .onFailure().recoverWithNull();
    }
}
