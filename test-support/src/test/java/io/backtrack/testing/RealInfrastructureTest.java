package io.backtrack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RealInfrastructureTest {

    /** Outside a Quarkus application nothing configures logging: errors only from the clients and zonky. */
    private static final List<Logger> CHATTY = List.of(Logger.getLogger("org.apache.kafka"), Logger.getLogger("io.zonky"));

    @BeforeAll
    static void quietLibraries() {
        CHATTY.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    @Test
    void pointsTheServiceAtItsOwnDatabaseAndTheSharedBroker() throws Exception {
        Map<String, String> config = started("orders");
        Map<String, String> again = started("orders");

        assertThat(again).isEqualTo(config);
        assertThat(config.get("quarkus.datasource.reactive.url")).startsWith("postgresql://").endsWith("/orders");
        assertThat(config.get("kafka.bootstrap.servers")).isEqualTo(RealInfrastructure.bootstrapServers());
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("orders");
        }
    }

    @Test
    void topicProbeReadsWhatItPublished() {
        String topic = "probe-" + UUID.randomUUID();
        TopicProbe.publish(topic, "k1", Map.of("ce_type", "first"), "one");
        TopicProbe.publish(topic, "k2", Map.of("ce_type", "second"), "two");

        List<ConsumerRecord<String, String>> records = TopicProbe.readAll(topic, Duration.ofSeconds(30),
                seen -> seen.size() == 2);

        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("one", "two");
        assertThat(records).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactlyInAnyOrder("first", "second");
        assertThat(TopicProbe.header(records.get(0), "absent")).isNull();
    }

    private static Map<String, String> started(String database) {
        RealInfrastructure resource = new RealInfrastructure();
        resource.init(Map.of("database", database));
        return resource.start();
    }
}
