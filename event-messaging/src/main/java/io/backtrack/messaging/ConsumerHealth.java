package io.backtrack.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which consumers are stuck on an event whose handling keeps failing, per partition they read
 * (e.g. {@code outcome-service.plan-events backtrack.plan.v1-2}). A stuck consumer holds its partition
 * where it is (the event is retried, never skipped) and makes the service not ready.
 */
@ApplicationScoped
public class ConsumerHealth {

    /** The event a consumer cannot get past, how often it failed, and the latest failure. */
    public record Stuck(String eventId, String eventType, int attempts, String failure, Instant since) {
    }

    private final Map<String, Stuck> stuck = new ConcurrentHashMap<>();

    void stuck(String stream, ReceivedEvent event, int attempts, Throwable failure) {
        stuck.merge(stream, new Stuck(event.id(), event.type().ceType(), attempts, failure.toString(), Instant.now()),
                (earlier, latest) -> earlier.eventId().equals(latest.eventId())
                        ? new Stuck(latest.eventId(), latest.eventType(), latest.attempts(), latest.failure(), earlier.since())
                        : latest);
    }

    void recovered(String stream) {
        stuck.remove(stream);
    }

    public Map<String, Stuck> stuckConsumers() {
        return Map.copyOf(stuck);
    }
}
