package io.backtrack.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Starts the span in which a consumer applies a record: a child of the span that wrote the record's
 * outbox row (its traceparent header), so a request and every event it causes, in every service,
 * share one trace. A record without a usable traceparent starts a trace of its own.
 */
@ApplicationScoped
class ConsumerSpans {

    private final Tracer tracer;

    ConsumerSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    Span start(Message<String> message, String consumer) {
        var record = message.getMetadata(IncomingKafkaRecordMetadata.class);
        String topic = record.map(IncomingKafkaRecordMetadata::getTopic).orElse("unknown");
        var span = tracer.spanBuilder(topic + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceParent.of(record.map(IncomingKafkaRecordMetadata::getHeaders).orElse(null)))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", consumer);
        record.ifPresent(r -> span.setAttribute("messaging.destination.partition.id", String.valueOf(r.getPartition()))
                .setAttribute("messaging.kafka.offset", r.getOffset()));
        return span.startSpan();
    }
}
