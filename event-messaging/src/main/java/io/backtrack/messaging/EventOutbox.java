package io.backtrack.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventSchemas;
import io.backtrack.contracts.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, event_type, source, record_key, occurred_at, payload, traceparent)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";
    /** Many rows in one statement; unnest keeps the arrays' order, so the relay publishes them in it. */
    private static final String INSERT_ALL = """
            INSERT INTO outbox_event (event_id, topic, event_type, source, record_key, occurred_at, payload, traceparent)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                                 $7::text[], $8::text[])""";

    /** An event to append, keyed by the patient it is about. */
    public record Pending(UUID patientId, Record payload) {
    }

    private final Clock clock;
    private final EventSchemas schemas;
    private final MessagingConfig config;
    private final OutboxRelay relay;

    public EventOutbox(Clock clock, EventSchemas schemas, MessagingConfig config, OutboxRelay relay) {
        this.clock = clock;
        this.schemas = schemas;
        this.config = config;
        this.relay = relay;
    }

    public Uni<Void> append(UUID patientId, Record payload) {
        return Uni.createFrom().deferred(() -> {
            Uni<Void> appended = Uni.createFrom().voidItem();
            relay.expectRows();
            for (OutboxEvent event : rows(patientId, payload)) {
                appended = appended.chain(() -> event.persist().replaceWithVoid());
            }
            return appended;
        });
    }

    /**
     * The same, in the transaction of {@code connection}: for a hot path that writes with the SQL
     * client rather than Hibernate. The rows go out without waiting for each other, pipelined with
     * whatever else the caller sends on the connection.
     */
    public Uni<Void> append(SqlConnection connection, UUID patientId, Record payload) {
        return Uni.createFrom().deferred(() -> {
            expectRowsOn(connection);
            return Uni.combine().all().unis(rows(patientId, payload).stream()
                .map(event -> connection.preparedQuery(INSERT).execute(Tuple.tuple()
                        .addUUID(event.eventId)
                        .addString(event.topic)
                        .addString(event.eventType)
                        .addString(event.source)
                        .addString(event.recordKey)
                        .addOffsetDateTime(OffsetDateTime.ofInstant(event.occurredAt, ZoneOffset.UTC))
                        .addString(event.payload)
                        .addString(event.traceparent)))
                .toList()).discardItems();
        });
    }

    /**
     * Many events in the transaction of {@code connection}, in one statement whatever their number, in
     * their order: for a job that fires thousands at once (plan-service's clocks).
     */
    public Uni<Void> appendAll(SqlConnection connection, List<Pending> events) {
        return Uni.createFrom().deferred(() -> {
            List<OutboxEvent> rows = events.stream().flatMap(event -> rows(event.patientId(), event.payload()).stream())
                    .toList();
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            expectRowsOn(connection);
            return connection.preparedQuery(INSERT_ALL).execute(Tuple.tuple()
                    .addArrayOfUUID(rows.stream().map(row -> row.eventId).toArray(UUID[]::new))
                    .addArrayOfString(rows.stream().map(row -> row.topic).toArray(String[]::new))
                    .addArrayOfString(rows.stream().map(row -> row.eventType).toArray(String[]::new))
                    .addArrayOfString(rows.stream().map(row -> row.source).toArray(String[]::new))
                    .addArrayOfString(rows.stream().map(row -> row.recordKey).toArray(String[]::new))
                    .addArrayOfOffsetDateTime(rows.stream()
                            .map(row -> OffsetDateTime.ofInstant(row.occurredAt, ZoneOffset.UTC))
                            .toArray(OffsetDateTime[]::new))
                    .addArrayOfString(rows.stream().map(row -> row.payload).toArray(String[]::new))
                    .addArrayOfString(rows.stream().map(row -> row.traceparent).toArray(String[]::new)))
                    .replaceWithVoid();
        });
    }

    /** On the SQL client the relay is told when the transaction commits, and drains at once. */
    private void expectRowsOn(SqlConnection connection) {
        relay.expectRows();
        Transaction transaction = connection.transaction();
        if (transaction != null) {
            transaction.completion().subscribe().with(committed -> relay.requestDrain(), rolledBack -> {
            });
        }
    }

    /** One row per name the payload's type is published under; a payload breaking its schema is refused. */
    private List<OutboxEvent> rows(UUID patientId, Record payload) {
        JsonNode json = EventJson.mapper().valueToTree(payload);
        List<OutboxEvent> rows = new ArrayList<>();
        for (EventType type : EventType.publishedAs(payload.getClass())) {
            List<String> violations = schemas.violations(type, json);
            if (!violations.isEmpty()) {
                throw new IllegalStateException(type.ceType() + " payload breaks its schema: " + violations);
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
            rows.add(event);
        }
        return rows;
    }
}
