package io.backtrack.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventSchemas;
import io.backtrack.contracts.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Writes an event into the outbox of the caller's transaction: the event is published if and only
 * if the state change that produced it commits. A payload that breaks its own contract schema is a
 * defect of ours and fails the transaction rather than reach a partner. During a type's deprecation
 * window the event is written under its current name and under the deprecated one, each with its
 * own id. Each row keeps the trace context of the span that wrote it, for the relay to send on.
 */
@ApplicationScoped
public class EventOutbox {

    private final Clock clock;
    private final EventSchemas schemas;
    private final MessagingConfig config;

    public EventOutbox(Clock clock, EventSchemas schemas, MessagingConfig config) {
        this.clock = clock;
        this.schemas = schemas;
        this.config = config;
    }

    public Uni<Void> append(UUID patientId, Record payload) {
        JsonNode json = EventJson.mapper().valueToTree(payload);
        Uni<Void> appended = Uni.createFrom().voidItem();
        for (EventType type : EventType.publishedAs(payload.getClass())) {
            appended = appended.chain(() -> append(patientId, type, json));
        }
        return appended;
    }

    private Uni<Void> append(UUID patientId, EventType type, JsonNode json) {
        List<String> violations = schemas.violations(type, json);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException(
                    type.ceType() + " payload breaks its schema: " + violations));
        }
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = type.topic().topicName();
        event.eventType = type.ceType();
        event.source = config.source();
        event.recordKey = patientId.toString();
        event.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        event.payload = json.toString();
        event.traceparent = TraceParent.ofCurrentSpan();
        return event.persist().replaceWithVoid();
    }
}
