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
     * A transaction in flight when the relay's snapshot was taken holds back the rows written after it,
     * even when it has ended by the time the relay looks at who is in flight: its own rows are not
     * visible in that snapshot yet. A REPEATABLE READ transaction keeps the snapshot still while the
     * transaction ends, so the relay's query sees exactly that moment.
     */
    @Test
    void aTransactionInFlightAtTheSnapshotHoldsLaterRowsBackEvenOnceItEnded() throws Exception {
        String patientId = UUID.randomUUID().toString();
        try (Connection early = messaging(); Connection later = messaging(); Connection relay = messaging()) {
            early.setAutoCommit(false);
            xid(early);
            long laterRow = insertOutboxRow(later, patientId, "written-later");
            relay.setAutoCommit(false);
            relay.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (var snapshot = relay.createStatement()) {
                snapshot.execute("SELECT 1");
            }
            early.commit();
            assertThat(readyInRelaySnapshot(relay, laterRow)).isFalse();
            relay.rollback();
        }
    }

    private static boolean readyInRelaySnapshot(Connection relay, long row) throws Exception {
        try (var pending = relay.prepareStatement(OutboxRelay.PENDING.replace("$1", "?"))) {
            pending.setInt(1, Integer.MAX_VALUE);
            try (var rows = pending.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong("id") == row) {
                        return rows.getBoolean("ready");
                    }
                }
            }
        }
        throw new IllegalStateException("row " + row + " is not pending in the relay's snapshot");
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

    /** The new row's id. */
    private static long insertOutboxRow(Connection connection, String patientId, String clinicId) throws Exception {
        try (var statement = connection.prepareStatement("""
                INSERT INTO outbox_event (event_id, topic, event_type, source, record_key, occurred_at, payload)
                VALUES (?, ?, ?, ?, ?, now(), ?) RETURNING id""")) {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, Topic.PATIENT.topicName());
            statement.setString(3, EventType.PATIENT_REGISTERED.ceType());
            statement.setString(4, Topic.PATIENT.ownerSource());
            statement.setString(5, patientId);
            statement.setString(6, "{\"patientId\":\"" + patientId + "\",\"clinicId\":\"" + clinicId + "\"}");
            try (var id = statement.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
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
