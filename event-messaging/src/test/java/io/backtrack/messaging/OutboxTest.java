package io.backtrack.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.testing.RealInfrastructure;
import io.backtrack.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    private final Registrations registrations;
    private final MeterRegistry registry;

    OutboxTest(Registrations registrations, MeterRegistry registry) {
        this.registrations = registrations;
        this.registry = registry;
    }

    @Test
    void committedStateAndEventReachTheBrokerKeyedWithCloudEventsHeaders() throws Throwable {
        UUID patientId = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> registrations.register(patientId, "clinic-outbox", false));

        assertThat(Database.count("SELECT count(*) FROM registration WHERE patient_id = ?", patientId)).isEqualTo(1);
        assertThat(Database.count("SELECT count(*) FROM outbox_event WHERE record_key = ?", patientId.toString())).isEqualTo(1);

        ConsumerRecord<String, String> record = recordsFor(patientId).get(0);
        assertThat(record.key()).isEqualTo(patientId.toString());
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(EventType.PATIENT_REGISTERED.ceType());
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo(Topic.PATIENT.ownerSource());
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(patientId.toString());
        assertThat(TopicProbe.header(record, "ce_id")).isNotBlank();
        assertThat(Instant.parse(TopicProbe.header(record, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.value()).contains("\"clinicId\":\"clinic-outbox\"");

        await().atMost(Duration.ofSeconds(10)).until(() -> Database.count(
                "SELECT count(*) FROM outbox_event WHERE record_key = ? AND published_at IS NOT NULL",
                patientId.toString()) == 1);
    }

    @Test
    void stateAndEventRollBackTogether() throws Throwable {
        UUID rolledBack = UUID.randomUUID();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(
                () -> registrations.register(rolledBack, "clinic-outbox", true)))
                .hasMessageContaining("a later step of the operation failed");

        assertThat(Database.count("SELECT count(*) FROM registration WHERE patient_id = ?", rolledBack)).isZero();
        assertThat(Database.count("SELECT count(*) FROM outbox_event WHERE record_key = ?", rolledBack.toString())).isZero();

        UUID committedAfter = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> registrations.register(committedAfter, "clinic-outbox", false));
        List<ConsumerRecord<String, String>> all = TopicProbe.readAll(Topic.PATIENT.topicName(), Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> committedAfter.toString().equals(r.key())));
        assertThat(all).noneMatch(r -> rolledBack.toString().equals(r.key()));
    }

    @Test
    void eventsOfOnePatientArriveInCommitOrder() throws Throwable {
        UUID patientId = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            VertxContextSupport.subscribeAndAwait(() -> registrations.register(UUID.randomUUID(), "clinic-other", false));
        }
        VertxContextSupport.subscribeAndAwait(() -> registrations.registerTwice(patientId, "clinic-order"));
        List<ConsumerRecord<String, String>> records = TopicProbe.readAll(Topic.PATIENT.topicName(), Duration.ofSeconds(30),
                all -> all.stream().filter(r -> patientId.toString().equals(r.key())).count() == 2);
        List<String> clinics = records.stream()
                .filter(r -> patientId.toString().equals(r.key()))
                .map(r -> r.value().replaceAll(".*\"clinicId\":\"([^\"]+)\".*", "$1"))
                .toList();
        assertThat(clinics).containsExactly("clinic-order-1", "clinic-order-2");
    }

    @Test
    void anEventCommittedFirstDoesNotOvertakeOneWrittenBeforeIt() throws Exception {
        UUID patientId = UUID.randomUUID();
        long before = lastOutboxId();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(
                () -> registrations.announce(patientId, "written-first", Duration.ofSeconds(3))));
        // the first row is not visible until it commits, but the sequence it took its id from is
        await().atMost(Duration.ofSeconds(30)).until(() -> lastOutboxId() > before);
        run(() -> registrations.announce(patientId, "written-second", Duration.ZERO));
        first.get();

        List<ConsumerRecord<String, String>> records = TopicProbe.readAll(Topic.PATIENT.topicName(), Duration.ofSeconds(30),
                all -> all.stream().filter(r -> patientId.toString().equals(r.key())).count() == 2);
        assertThat(records.stream().filter(r -> patientId.toString().equals(r.key()))
                .map(r -> r.value().replaceAll(".*\"clinicId\":\"([^\"]+)\".*", "$1")))
                .containsExactly("written-first", "written-second");
    }

    /**
     * A transaction that began early but writes late (it waited for the patient's lock) must not go
     * out ahead of the rows written before its own while an unrelated transaction between the two is
     * still open: everything after the first row that must wait, waits.
     */
    @Test
    void aTransactionThatBeganEarlyButWroteLateDoesNotOvertake() throws Exception {
        String patientId = UUID.randomUUID().toString();
        try (Connection early = messaging(); Connection between = messaging(); Connection later = messaging()) {
            early.setAutoCommit(false);
            between.setAutoCommit(false);
            xid(early);
            xid(between);
            insertOutboxRow(later, patientId, "written-first");
            insertOutboxRow(early, patientId, "written-second");
            double heldBackBefore = heldBackRounds();
            early.commit();
            await().atMost(Duration.ofSeconds(10)).until(() -> heldBackRounds() > heldBackBefore);
            between.commit();
        }
        List<ConsumerRecord<String, String>> records = TopicProbe.readAll(Topic.PATIENT.topicName(), Duration.ofSeconds(30),
                all -> all.stream().filter(r -> patientId.equals(r.key())).count() == 2);
        assertThat(records.stream().filter(r -> patientId.equals(r.key()))
                .map(r -> r.value().replaceAll(".*\"clinicId\":\"([^\"]+)\".*", "$1")))
                .containsExactly("written-first", "written-second");
    }

    /**
     * pg_stat_activity is read after the relay's snapshot is taken, so a transaction that got its xid
     * in between shows an xid above the snapshot's xmax: it is newer than every row the relay sees, not
     * one of the previous epoch that would hold them all back.
     */
    @Test
    void anInFlightXidIsWidenedToTheFullXidNearestTheSnapshot() {
        long epoch = 1L << 32;
        assertThat(fullXid(1_000, 1_005)).isEqualTo(1_005);
        assertThat(fullXid(1_000, 990)).isEqualTo(990);
        assertThat(fullXid(epoch + 10, epoch - 6)).isEqualTo(epoch - 6);
        assertThat(fullXid(epoch - 5, 3)).isEqualTo(epoch + 3);
        assertThat(fullXid(3 * epoch + 7, 12)).isEqualTo(3 * epoch + 12);
    }

    private static long fullXid(long xmax, long xid32) {
        return Database.count("SELECT " + OutboxRelay.FULL_XID + " FROM (VALUES (?::bigint, ?::bigint)) v(xmax, xid32)",
                xmax, xid32);
    }

    private double heldBackRounds() {
        return registry.counter("backtrack.outbox.held_back_rounds").count();
    }

    private static Connection messaging() throws Exception {
        var postgres = RealInfrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl("messaging"), postgres.user(), postgres.password());
    }

    private static void xid(Connection connection) throws Exception {
        try (var statement = connection.createStatement()) {
            statement.execute("SELECT pg_current_xact_id()");
        }
    }

    private static void insertOutboxRow(Connection connection, String patientId, String clinicId) throws Exception {
        try (var statement = connection.prepareStatement("""
                INSERT INTO outbox_event (event_id, topic, event_type, source, record_key, occurred_at, payload)
                VALUES (?, ?, ?, ?, ?, now(), ?)""")) {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, Topic.PATIENT.topicName());
            statement.setString(3, EventType.PATIENT_REGISTERED.ceType());
            statement.setString(4, Topic.PATIENT.ownerSource());
            statement.setString(5, patientId);
            statement.setString(6, "{\"patientId\":\"" + patientId + "\",\"clinicId\":\"" + clinicId + "\"}");
            statement.executeUpdate();
        }
    }

    @Test
    void aTransactionOpenInAnotherDatabaseDoesNotHoldEventsBack() throws Throwable {
        var postgres = RealInfrastructure.postgres();
        try (Connection elsewhere = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(),
                postgres.password())) {
            elsewhere.setAutoCommit(false);
            try (var statement = elsewhere.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()");
            }
            UUID patientId = UUID.randomUUID();
            VertxContextSupport.subscribeAndAwait(() -> registrations.register(patientId, "clinic-elsewhere", false));
            await().atMost(Duration.ofSeconds(20)).until(() -> Database.count(
                    "SELECT count(*) FROM outbox_event WHERE record_key = ? AND published_at IS NOT NULL",
                    patientId.toString()) == 1);
            elsewhere.rollback();
        }
    }

    private static long lastOutboxId() {
        return Database.count("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM outbox_event_id_seq");
    }

    private static void run(Supplier<Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, String>> recordsFor(UUID patientId) {
        return TopicProbe.readAll(Topic.PATIENT.topicName(), Duration.ofSeconds(30),
                        all -> all.stream().anyMatch(r -> patientId.toString().equals(r.key())))
                .stream().filter(r -> patientId.toString().equals(r.key())).toList();
    }
}
