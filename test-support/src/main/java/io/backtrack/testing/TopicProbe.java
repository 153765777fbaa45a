package io.backtrack.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A partner's view of the real broker: publish raw records, read topics from the beginning. */
public final class TopicProbe {

    private TopicProbe() {
    }

    public static void publish(String topic, String key, Map<String, String> headers, String value) {
        publish(RealInfrastructure.bootstrapServers(), topic, key, headers, value);
    }

    /** Publishes with the headers in their order, a name given more than once sent more than once. */
    public static void publish(String topic, String key, List<Map.Entry<String, String>> headers, String value) {
        publish(RealInfrastructure.bootstrapServers(), topic, key, headers, value);
    }

    /** Publishes to the broker at {@code bootstrapServers}, e.g. one a test runs on its own. */
    public static void publish(String bootstrapServers, String topic, String key, Map<String, String> headers,
            String value) {
        publish(bootstrapServers, topic, key, List.copyOf(headers.entrySet()), value);
    }

    private static void publish(String bootstrapServers, String topic, String key,
            List<Map.Entry<String, String>> headers, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach(header -> record.headers().add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e.getCause());
        }
    }

    /**
     * Reads the topic from the beginning with a fresh consumer group until {@code until} holds for
     * everything read so far, or fails after {@code atMost} with what it saw.
     */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Duration atMost,
            Predicate<List<ConsumerRecord<String, String>>> until) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(atMost);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                if (until.test(seen)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("after " + atMost + " on " + topic + ", the condition still fails for the "
                + seen.size() + " records read");
    }

    /**
     * Everything on the topic up to its end offsets taken now: for "exactly one" and "none" checks,
     * call it once what the action published has certainly reached the broker (e.g. the outbox is empty).
     */
    public static List<ConsumerRecord<String, String>> readToEnd(String topic) {
        return readToEnd(RealInfrastructure.bootstrapServers(), topic);
    }

    /** {@link #readToEnd(String)} on the broker at {@code bootstrapServers}. */
    public static List<ConsumerRecord<String, String>> readToEnd(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " up to its end offsets " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        seen.add(record);
                    }
                });
            }
        }
        return seen;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
