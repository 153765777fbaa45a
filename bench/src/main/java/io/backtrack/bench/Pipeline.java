package io.backtrack.bench;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The event pipeline as a partner sees it: sessions at a steady rate, every tenth one a flare of a
 * patient who has none open yet; each flare is timed from its POST being due to the first
 * {@code escalation-recommended} about that patient read from backtrack.outcome.v1 by a plain consumer.
 */
final class Pipeline {

    /** Latencies of the flares that arrived, how many were sent, and the latencies of each stage on the way. */
    record Figures(Latencies latencies, int flaresSent, Load.Result sessions, Map<String, Latencies> stages) {
    }

    private static final String RECOMMENDED = EventType.ESCALATION_RECOMMENDED.ceType();

    private Pipeline() {
    }

    static Figures run(BenchSystem system, Clinic clinic, List<Clinic.Patient> steady, List<Clinic.Patient> flaring,
            double perSecond, Duration duration) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        Map<String, Instant> sentWall = new ConcurrentHashMap<>();
        Map<String, Instant> readWall = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        String topic = Topic.OUTCOME.topicName();
        try (KafkaConsumer<String, String> partner = new KafkaConsumer<>(BrokerBaseline.consumerConfig(system.kafka),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = partner.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            partner.assign(partitions);
            partner.seekToEnd(partitions);
            partitions.forEach(partner::position);
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    for (var record : partner.poll(Duration.ofMillis(20))) {
                        Header type = record.headers().lastHeader("ce_type");
                        if (type != null && RECOMMENDED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                            if (arrivedAt.putIfAbsent(record.key(), System.nanoTime()) == null) {
                                readWall.put(record.key(), Instant.now());
                            }
                        }
                    }
                }
            }, "bench-partner");
            Load.Result sessions;
            int flares = (int) Math.min(flaring.size(), perSecond * duration.toSeconds() / 10);
            try {
                reader.start();
                sessions = Load.openLoop("sessions, every tenth a flare", perSecond, duration, i -> {
                    if (i % 10 == 0 && i / 10 < flares) {
                        Clinic.Patient patient = flaring.get((int) (i / 10));
                        sentAt.put(patient.id(), System.nanoTime());
                        sentWall.put(patient.id(), Instant.now());
                        return clinic.session(patient, true);
                    }
                    return clinic.session(steady.get((int) (i % steady.size())), false);
                });
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!arrivedAt.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                reading.set(false);
                reader.join();
            }
            Samples samples = new Samples(flares);
            sentAt.forEach((patient, sent) -> {
                Long arrived = arrivedAt.get(patient);
                if (arrived != null) {
                    samples.add(arrived - sent);
                }
            });
            return new Figures(samples.latencies(), sentAt.size(), sessions,
                    PipelineStages.of(system, sentWall, readWall));
        }
    }
}
