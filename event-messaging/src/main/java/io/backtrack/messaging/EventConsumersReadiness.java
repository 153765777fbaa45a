package io.backtrack.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a consumer is stuck on an event: its effect (a red flag, say) is not applied yet. */
@Readiness
@ApplicationScoped
public class EventConsumersReadiness implements HealthCheck {

    private final ConsumerHealth health;

    public EventConsumersReadiness(ConsumerHealth health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers");
        health.stuckConsumers().forEach((consumer, stuck) -> response.withData(consumer,
                "stuck on " + stuck.eventType() + " " + stuck.eventId() + " after " + stuck.attempts()
                        + " attempts since " + stuck.since() + ": " + stuck.failure()));
        return response.status(health.stuckConsumers().isEmpty()).build();
    }
}
