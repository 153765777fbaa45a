package io.backtrack.platform.audit;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Verifies every audit chain on a schedule, so that a break shows in the verification gauge (and
 * its alert) without an admin asking: a minute after start-up, then every
 * {@code backtrack.audit.verification-interval} ({@code off} turns it off).
 */
@ApplicationScoped
public class ScheduledAuditVerification {

    private final AuditChainVerifier verifier;

    public ScheduledAuditVerification(AuditChainVerifier verifier) {
        this.verifier = verifier;
    }

    @Scheduled(every = "${backtrack.audit.verification-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> verify() {
        return verifier.verify().replaceWithVoid();
    }
}
