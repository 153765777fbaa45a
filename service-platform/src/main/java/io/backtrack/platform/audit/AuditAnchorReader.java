package io.backtrack.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.backtrack.messaging.MessagingConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads this service's published anchors from the anchor topic, a page at a time. Blocking. */
@ApplicationScoped
public class AuditAnchorReader {

    /** How long the topic may give nothing before its end offsets are reached. */
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

    /**
     * Hands this service's anchors on the topic, up to its end offsets taken now, to {@code check} in
     * pages of at most {@code size}, until it finds something; the anchors are not kept. Every anchor
     * is handed over, not only the newest of its chain: the trail is append-only, so each one still
     * names an entry that must be there as it was.
     */
    <T> Optional<T> firstOfPages(int size, Function<List<AuditAnchor>, Optional<T>> check) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "backtrack-audit-verifier");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, size);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(AuditAnchor.TOPIC, TIMEOUT).stream()
                    .map(info -> new TopicPartition(AuditAnchor.TOPIC, info.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the anchor topic gave nothing for " + TIMEOUT
                            + " before its end offsets " + end);
                }
                var records = consumer.poll(Duration.ofMillis(200));
                List<AuditAnchor> page = new ArrayList<>();
                for (var record : records) {
                    boolean beforeTheEnd = record.offset() < end.get(new TopicPartition(record.topic(), record.partition()));
                    if (beforeTheEnd && record.key() != null && record.key().startsWith(AuditAnchor.keyOf(service, ""))) {
                        page.add(read(record.value()));
                    }
                }
                Optional<T> found = page.isEmpty() ? Optional.empty() : check.apply(page);
                if (found.isPresent()) {
                    return found;
                }
                if (!records.isEmpty()) {
                    deadline = Instant.now().plus(TIMEOUT);
                }
            }
        }
        return Optional.empty();
    }

    private AuditAnchor read(String value) {
        try {
            return json.readValue(value, AuditAnchor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("an anchor on " + AuditAnchor.TOPIC + " is not readable", e);
        }
    }
}
