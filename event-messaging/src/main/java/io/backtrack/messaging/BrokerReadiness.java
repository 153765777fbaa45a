package io.backtrack.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the broker and the outbox backlog without gating readiness: requests keep being served
 * into the outbox while the broker is away, and taking every pod out of service would turn a
 * delayed event stream into an outage. Alert on {@code backtrack.broker.reachable} and the backlog.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private final BrokerReachability broker;
    private final OutboxMetrics outbox;

    public BrokerReadiness(BrokerReachability broker, OutboxMetrics outbox) {
        this.broker = broker;
        this.outbox = outbox;
    }

    @Override
    public HealthCheckResponse call() {
        BrokerReachability.State state = broker.state();
        return HealthCheckResponse.named("event-broker")
                .up()
                .withData("broker", state.reachable() ? "reachable" : "unreachable (degraded: events wait in the outbox)")
                .withData("since", state.since().toString())
                .withData("detail", state.detail())
                .withData("outboxBacklog", outbox.backlog())
                .withData("outboxOldestAgeSeconds", outbox.oldestAgeSeconds())
                .build();
    }
}
