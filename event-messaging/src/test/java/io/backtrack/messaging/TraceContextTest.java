package io.backtrack.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.Topic;
import io.backtrack.testing.TopicProbe;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The trace of the span that writes an event goes with it through the outbox, the broker and the consumer. */
@QuarkusTest
class TraceContextTest {

    private final Registrations registrations;

    TraceContextTest(Registrations registrations) {
        this.registrations = registrations;
    }

    @Test
    void theConsumerAppliesTheEventInAProcessSpanThatIsAChildOfTheSpanThatWroteIt() throws Throwable {
        SpanContext writer = SpanContext.create(hex(16), hex(8), TraceFlags.getSampled(), TraceState.getDefault());
        String traceparent = "00-" + writer.getTraceId() + "-" + writer.getSpanId() + "-01";
        UUID patientId = UUID.randomUUID();

        VertxContextSupport.subscribeAndAwait(() -> {
            Scope scope = Context.root().with(Span.wrap(writer)).makeCurrent();
            return registrations.register(patientId, "clinic-trace", false).eventually(scope::close);
        });

        assertThat(Database.first("SELECT traceparent FROM outbox_event WHERE record_key = ?", patientId.toString()))
                .isEqualTo(traceparent);
        assertThat(TopicProbe.header(recordFor(patientId), TraceParent.HEADER)).isEqualTo(traceparent);
        await().atMost(Duration.ofSeconds(30)).until(() -> Database.first(
                "SELECT trace_id FROM projected_registration WHERE patient_id = ?", patientId) != null);
        assertThat(Database.first("SELECT trace_id FROM projected_registration WHERE patient_id = ?", patientId))
                .isEqualTo(writer.getTraceId());
        assertThat(Database.first("SELECT parent_span_id FROM projected_registration WHERE patient_id = ?", patientId))
                .isEqualTo(writer.getSpanId());
        assertThat(Database.first("SELECT span_name FROM projected_registration WHERE patient_id = ?", patientId))
                .isEqualTo(Topic.PATIENT.topicName() + " process");
    }

    @Test
    void anEventWrittenOutsideATraceIsAppliedInATraceOfItsOwn() throws Throwable {
        UUID patientId = UUID.randomUUID();

        VertxContextSupport.subscribeAndAwait(() -> registrations.register(patientId, "clinic-untraced", false));

        assertThat(Database.first("SELECT traceparent FROM outbox_event WHERE record_key = ?", patientId.toString()))
                .isNull();
        assertThat(TopicProbe.header(recordFor(patientId), TraceParent.HEADER)).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> Database.first(
                "SELECT trace_id FROM projected_registration WHERE patient_id = ?", patientId) != null);
        assertThat((String) Database.first("SELECT trace_id FROM projected_registration WHERE patient_id = ?", patientId))
                .matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(Database.first("SELECT parent_span_id FROM projected_registration WHERE patient_id = ?", patientId))
                .isEqualTo("0".repeat(16));
    }

    private static ConsumerRecord<String, String> recordFor(UUID patientId) {
        return TopicProbe.readAll(Topic.PATIENT.topicName(), Duration.ofSeconds(30),
                        all -> all.stream().anyMatch(r -> patientId.toString().equals(r.key())))
                .stream().filter(r -> patientId.toString().equals(r.key())).findFirst().orElseThrow();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
