package io.backtrack.messaging;

import io.backtrack.persistence.Causes;
import io.backtrack.persistence.DatabaseFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The idempotent consumer: each event's id is recorded in the transaction that applies its effect,
 * so a redelivered event changes nothing. Only unusable input (unparseable, schema-breaking, of an
 * unknown type, refused by its handler as {@link UnusableEventException}, or holding a value the
 * database can never store, such as a string too large for its index) goes to the dead-letter topic,
 * since retrying it would hold up every event behind it for ever; so does an event from a source that
 * does not own its topic, as a security event (an ERROR log and a metric). A usable event whose
 * handling fails is retried with backoff for as long as it takes, never skipped: safety events (red
 * flags, intakes) must be applied. While it keeps failing the consumer holds its position, the service
 * reports not ready and every attempt is logged with the event id.
 */
@ApplicationScoped
public class InboundEvents {

    private static final String CLAIM = """
            INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
            VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT DO NOTHING""";
    private static final String ROUTINE_CLAIM = CLAIM.replace("?", "$");
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final CloudEventReader reader;
    private final ConsumerHealth health;
    private final MessagingConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ConsumerSpans spans;
    private final Pool pool;
    private final OutboxRelay relay;

    public InboundEvents(CloudEventReader reader, ConsumerHealth health, MessagingConfig config, Clock clock,
            MeterRegistry registry, ConsumerSpans spans, Pool pool, OutboxRelay relay) {
        this.reader = reader;
        this.pool = pool;
        this.relay = relay;
        this.spans = spans;
        this.health = health;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Applies one record in a consumer span of its own (see {@link ConsumerSpans}), current on a
     * duplicated Vert.x context of this record for every attempt, so the events the handler writes
     * and the lines it logs carry the trace.
     */
    public Uni<Void> process(Message<String> message, String consumer, EventHandler handler) {
        return process(message, consumer, Interest.ALL, handler);
    }

    /**
     * The same for a consumer that acts on some events of its topics only ({@link Interest}): an event
     * it has no concern with is acknowledged without a transaction and counted as ignored, once its
     * envelope and provenance are checked (a record from a source that does not own the topic is
     * refused all the same). It has no effect to apply, so nothing needs to remember it.
     */
    public Uni<Void> process(Message<String> message, String consumer, Interest interest, EventHandler handler) {
        return process(message, consumer, interest, RoutineEvents.NONE, handler);
    }

    /**
     * The same for a consumer whose most frequent events have a cheap path ({@link RoutineEvents}): an
     * event that may be routine is recorded and applied with the SQL client; when it is not routine
     * after all, that transaction is rolled back and the handler applies it as any other.
     */
    public Uni<Void> process(Message<String> message, String consumer, RoutineEvents routine, EventHandler handler) {
        return process(message, consumer, Interest.ALL, routine, handler);
    }

    private Uni<Void> process(Message<String> message, String consumer, Interest interest, RoutineEvents routine,
            EventHandler handler) {
        Context context = VertxContext.getOrCreateDuplicatedContext();
        Span span = spans.start(message, consumer);
        return Uni.createFrom().deferred(() -> {
                    Scope scope = span.makeCurrent();
                    return dispatch(message, consumer, interest, routine, handler, context).eventually(scope::close);
                })
                .runSubscriptionOn(on(context))
                .onTermination().invoke((ignored, failure, cancelled) -> {
                    if (failure != null) {
                        span.recordException(failure).setStatus(StatusCode.ERROR);
                    }
                    span.end();
                });
    }

    private Uni<Void> dispatch(Message<String> message, String consumer, Interest interest, RoutineEvents routine,
            EventHandler handler, Context context) {
        Delivery delivery = reader.read(message, interest.types());
        if (delivery instanceof Delivery.Rejected rejected) {
            return deadLetter(message, consumer, rejected.reason());
        }
        if (delivery instanceof Delivery.Refused refused) {
            return refuse(message, consumer, "provenance: " + refused.reason());
        }
        if (delivery instanceof Delivery.Unknown unknown) {
            return deadLetter(message, consumer, "unknown event type " + unknown.ceType());
        }
        if (delivery instanceof Delivery.Ignored) {
            return ignore(message, consumer);
        }
        ReceivedEvent event = ((Delivery.Accepted) delivery).event();
        try {
            if (!interest.applies().test(event)) {
                return ignore(message, consumer);
            }
        } catch (UnusableEventException unusable) {
            return deadLetter(message, consumer, unusable.getMessage());
        }
        AtomicInteger attempts = new AtomicInteger();
        String stream = streamOf(message, consumer);
        return Uni.createFrom().deferred(() -> routine.mayBeRoutine(event)
                        ? applyRoutine(event, consumer, routine).chain(applied -> applied
                                ? Uni.createFrom().voidItem()
                                : applyOnce(event, consumer, handler))
                        : applyOnce(event, consumer, handler))
                .runSubscriptionOn(on(context))
                .onFailure(InboundEvents::retryable)
                .invoke(failure -> failed(consumer, stream, event, attempts.incrementAndGet(), failure))
                .onFailure(InboundEvents::retryable)
                .retry().withBackOff(FIRST_BACKOFF, config.consumer().maxBackoff()).indefinitely()
                .onItemOrFailure().transformToUni((applied, failure) -> {
                    if (failure != null && DatabaseFailures.isUnstorable(failure)) {
                        Log.errorf(failure, "%s cannot store %s %s, whatever the retries", consumer,
                                event.type().ceType(), event.id());
                        return deadLetter(message, consumer, "the database cannot store it: " + failure.getMessage());
                    }
                    if (failure != null) {
                        var refused = Causes.find(failure, UnusableEventException.class).orElseThrow();
                        if (refused instanceof UntrustedEventException) {
                            return refuse(message, consumer, "disagrees with what this service knows: "
                                    + refused.getMessage());
                        }
                        return deadLetter(message, consumer, refused.getMessage());
                    }
                    if (attempts.get() > 0) {
                        Log.infof("%s applied %s %s after %d failed attempts", consumer, event.type().ceType(),
                                event.id(), attempts.get());
                        health.recovered(stream);
                    }
                    relay.committed();
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    private Uni<Void> ignore(Message<String> message, String consumer) {
        registry.counter("backtrack.events.ignored", "consumer", consumer).increment();
        return Uni.createFrom().completionStage(message.ack());
    }

    /**
     * Hibernate Reactive runs only on the Vert.x context the record is applied on; a retry after a
     * backoff would otherwise resubscribe on a worker thread.
     */
    private static Executor on(Context context) {
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    /**
     * What is stuck is one partition of a consumer: with several consumers of a channel (its
     * concurrency), another partition's recovery must not clear it.
     */
    private static String streamOf(Message<String> message, String consumer) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(record -> consumer + " " + record.getTopic() + "-" + record.getPartition())
                .orElse(consumer);
    }

    private void failed(String consumer, String stream, ReceivedEvent event, int attempt, Throwable failure) {
        registry.counter("backtrack.events.handler_failures", "consumer", consumer).increment();
        boolean transientFailure = DatabaseFailures.isTransient(failure);
        if (attempt < config.consumer().stuckAfter()) {
            Log.warnf("%s failed to apply %s %s (attempt %d, %s), retrying: %s", consumer, event.type().ceType(),
                    event.id(), attempt, transientFailure ? "transient" : "not transient", failure);
            return;
        }
        health.stuck(stream, event, attempt, failure);
        Log.errorf(failure, "%s is stuck on %s %s (attempt %d, %s): it is retried, not skipped; the service is not "
                + "ready until it applies", consumer, event.type().ceType(), event.id(), attempt,
                transientFailure ? "transient" : "not transient");
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
                    consumed(consumer, event, "full");
                    return handler.apply(event);
                })));
    }

    /**
     * True when the event was applied as routine (or had been already); false, having written
     * nothing, when it is not routine. The claim and the routine path's first statements travel
     * together: whichever of "already applied" or "not routine" they answer, the transaction is
     * rolled back.
     */
    private Uni<Boolean> applyRoutine(ReceivedEvent event, String consumer, RoutineEvents routine) {
        return pool.withTransaction(connection -> Uni.combine().all()
                        .unis(connection.preparedQuery(ROUTINE_CLAIM)
                                        .execute(Tuple.tuple().addString(consumer).addString(event.id())
                                                .addString(event.type().ceType())
                                                .addOffsetDateTime(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))),
                                routine.apply(connection, event))
                        .with((claimed, applied) -> {
                            if (claimed.rowCount() == 0) {
                                throw new AlreadyApplied();
                            }
                            if (!applied) {
                                throw new NotRoutine();
                            }
                            consumed(consumer, event, "routine");
                            return true;
                        }))
                .onFailure(AlreadyApplied.class).recoverWithItem(() -> {
                    registry.counter("backtrack.events.duplicates", "consumer", consumer).increment();
                    return true;
                })
                .onFailure(NotRoutine.class).recoverWithItem(false);
    }

    private void consumed(String consumer, ReceivedEvent event, String path) {
        registry.counter("backtrack.events.consumed", "consumer", consumer, "type", event.type().ceType(), "path", path)
                .increment();
    }

    /** Rolls back the routine path's transaction: the event goes to the handler instead. */
    private static final class NotRoutine extends RuntimeException {

        NotRoutine() {
            super("not routine", null, false, false);
        }
    }

    /** Rolls back the routine path's transaction: the event's id was recorded before, with its effect. */
    private static final class AlreadyApplied extends RuntimeException {

        AlreadyApplied() {
            super("already applied", null, false, false);
        }
    }

    /** Anything but input the handler refused, or the database can never store, is retried. */
    private static boolean retryable(Throwable failure) {
        return Causes.find(failure, UnusableEventException.class).isEmpty() && !DatabaseFailures.isUnstorable(failure);
    }

    /** A record BackTrack does not trust: dead-lettered, logged at ERROR and counted as a security event. */
    private Uni<Void> refuse(Message<String> message, String consumer, String reason) {
        Log.errorf("%s refuses an untrusted record: %s", consumer, reason);
        registry.counter("backtrack.events.refused", "consumer", consumer).increment();
        return deadLetter(message, consumer, reason);
    }

    private Uni<Void> deadLetter(Message<String> message, String consumer, String reason) {
        Log.warnf("%s dead-letters a record: %s", consumer, reason);
        registry.counter("backtrack.events.dead_lettered", "consumer", consumer).increment();
        return Uni.createFrom().completionStage(message.nack(new UnusableEventException(consumer + ": " + reason)));
    }
}
