package io.backtrack.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The idempotent consumer: each event's id is recorded in the transaction that applies its effect,
 * so a redelivered event changes nothing. Unusable records go to the dead-letter topic and
 * consumption goes on; a database outage is waited out, never dead-lettered.
 */
@ApplicationScoped
public class InboundEvents {

    private static final String CLAIM = """
            INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
            VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT DO NOTHING""";

    private final CloudEventReader reader;
    private final Clock clock;
    private final MeterRegistry registry;

    public InboundEvents(CloudEventReader reader, Clock clock, MeterRegistry registry) {
        this.reader = reader;
        this.clock = clock;
        this.registry = registry;
    }

    public Uni<Void> process(Message<String> message, String consumer, EventHandler handler) {
        Delivery delivery = reader.read(message);
        if (delivery instanceof Delivery.Rejected rejected) {
            return deadLetter(message, consumer, rejected.reason());
        }
        if (delivery instanceof Delivery.Unknown unknown) {
            Log.debugf("%s skips unknown event type %s", consumer, unknown.ceType());
            return Uni.createFrom().completionStage(message.ack());
        }
        ReceivedEvent event = ((Delivery.Accepted) delivery).event();
        return applyOnce(event, consumer, handler)
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely()
                .onFailure().retry().withBackOff(Duration.ofMillis(200)).atMost(2)
                .onItemOrFailure().transformToUni((applied, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : deadLetter(message, consumer, "handler failed: " + failure));
    }

    private Uni<Void> applyOnce(ReceivedEvent event, String consumer, EventHandler handler) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type().ceType())
                .setParameter(4, clock.instant())
                .executeUpdate()
                .chain(claimed -> {
                    if (claimed == 0) {
                        registry.counter("backtrack.events.duplicates", "consumer", consumer).increment();
                        return Uni.createFrom().voidItem();
                    }
                    registry.counter("backtrack.events.consumed", "consumer", consumer, "type", event.type().ceType())
                            .increment();
                    return handler.apply(event);
                })));
    }

    private Uni<Void> deadLetter(Message<String> message, String consumer, String reason) {
        Log.warnf("%s dead-letters a record: %s", consumer, reason);
        registry.counter("backtrack.events.dead_lettered", "consumer", consumer).increment();
        return Uni.createFrom().completionStage(message.nack(new UnusableEventException(reason)));
    }
}
