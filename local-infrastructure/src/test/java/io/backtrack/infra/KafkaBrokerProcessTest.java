package io.backtrack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessTest {

    private static final String TOPIC = "backtrack.test.v1";

    @Test
    void carriesRecordsAndLeavesNothingBehind() throws Exception {
        Set<Path> tempBefore = kafkaTempDirs();
        KafkaBrokerProcess broker = KafkaBrokerProcess.startEphemeral();
        try {
            publish(broker, "patient-1", "registered");
            assertThat(readUntil(broker, 1)).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("patient-1");
                assertThat(record.value()).isEqualTo("registered");
                assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                        .isEqualTo("test");
            });
        } finally {
            broker.close();
        }
        assertThat(broker.isAlive()).isFalse();
        assertThat(brokerProcesses()).isEmpty();
        assertThat(kafkaTempDirs()).isEqualTo(tempBefore);
    }

    @Test
    void restartsOnItsLogDirectoryWithTheRecordsKept(@TempDir Path logDir) throws Exception {
        try (KafkaBrokerProcess first = KafkaBrokerProcess.start(logDir, 0)) {
            publish(first, "patient-2", "kept");
        }
        try (KafkaBrokerProcess second = KafkaBrokerProcess.start(logDir, 0)) {
            assertThat(readUntil(second, 1)).extracting(ConsumerRecord::value).containsExactly("kept");
        }
        assertThat(brokerProcesses()).isEmpty();
    }

    private static void publish(KafkaBrokerProcess broker, String key, String value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
            record.headers().add("ce_type", "test".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static List<ConsumerRecord<String, String>> readUntil(KafkaBrokerProcess broker, int count) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plusSeconds(30);
            while (records.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static List<ProcessHandle> brokerProcesses() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("SingleNodeKafka"))
                .collect(Collectors.toList());
    }

    private static Set<Path> kafkaTempDirs() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("backtrack-kafka"))
                    .collect(Collectors.toSet());
        }
    }
}
