package io.backtrack.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.backtrack.messaging.MessagingConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads this service's published anchors, newest per chain, from the anchor topic. Blocking. */
@ApplicationScoped
public class AuditAnchorReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> kafka;
    private final ObjectMapper json;
    private final String service;

    public AuditAnchorReader(@Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper json,
            MessagingConfig messaging) {
        this.kafka = kafka;
        this.json = json;
        this.service = messaging.source();
    }

    /** The newest published anchor of each of this service's chains, by chain key. */
    Map<String, AuditAnchor> newestByChain() {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "backtrack-audit-verifier");
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, AuditAnchor> newest = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(AuditAnchor.TOPIC, TIMEOUT).stream()
                    .map(info -> new TopicPartition(AuditAnchor.TOPIC, info.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the anchor topic could not be read to its end in " + TIMEOUT);
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(AuditAnchor.keyOf(service, ""))) {
                        AuditAnchor anchor = read(record.value());
                        newest.merge(anchor.chain(), anchor, (a, b) -> a.seq() >= b.seq() ? a : b);
                    }
                }
            }
        }
        return newest;
    }

    private AuditAnchor read(String value) {
        try {
            return json.readValue(value, AuditAnchor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("an anchor on " + AuditAnchor.TOPIC + " is not readable", e);
        }
    }
}
