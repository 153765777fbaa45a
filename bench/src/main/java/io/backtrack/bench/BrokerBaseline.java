package io.backtrack.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the broker alone does: records of an event's size produced (acks=all, as the outbox relay
 * produces) at a steady rate and consumed by a plain consumer; each timed from send to receipt.
 */
final class BrokerBaseline {

    private BrokerBaseline() {
    }

    static Latencies roundTrip(String bootstrapServers, double perSecond, Duration duration, int recordBytes)
            throws Exception {
        String topic = "bench.round-trip";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Samples samples = new Samples(1_000_000);
        AtomicBoolean producing = new AtomicBoolean(true);
        TopicPartition partition = new TopicPartition(topic, 0);
        long total = (long) (perSecond * duration.toSeconds());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            Thread sender = new Thread(() -> {
                long interval = (long) (1e9 / perSecond);
                long start = System.nanoTime();
                for (long i = 0; i < total; i++) {
                    long wait = start + i * interval - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    byte[] value = new byte[recordBytes];
                    ByteBuffer.wrap(value).putLong(System.nanoTime());
                    producer.send(new ProducerRecord<>(topic, value));
                }
                producing.set(false);
            }, "bench-producer");
            sender.start();
            long received = 0;
            long deadline = Long.MAX_VALUE;
            while (received < total && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(50))) {
                    samples.add(System.nanoTime() - ByteBuffer.wrap(record.value()).getLong());
                    received++;
                }
                if (!producing.get() && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                }
            }
            sender.join();
        }
        return samples.latencies();
    }

    /** As the services' outbox producer is set up (event-messaging's microprofile-config.properties). */
    private static Properties producerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return config;
    }

    static Properties consumerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        return config;
    }
}
