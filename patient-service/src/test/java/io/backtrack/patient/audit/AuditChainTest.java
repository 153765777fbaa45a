package io.backtrack.patient.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backtrack.patient.Fixtures;
import io.backtrack.platform.audit.AuditAnchor;
import io.backtrack.platform.audit.AuditEntry;
import io.backtrack.platform.audit.AuditSeal;
import io.backtrack.testing.RealInfrastructure;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditChainTest {

    private final AuditSeal seal;
    private final MeterRegistry registry;
    private final ObjectMapper json;

    AuditChainTest(AuditSeal seal, MeterRegistry registry, ObjectMapper json) {
        this.seal = seal;
        this.registry = registry;
        this.json = json;
    }

    private static final String CLINIC = "clinic-audit";

    @Test
    void readsAndWritesOfPatientDataAreAudited() throws SQLException {
        String id = Fixtures.registerPatient(CLINIC, null);
        given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + id).then().statusCode(200);
        try (Connection db = connect(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT action, actor_role, clinic_id FROM audit_entry"
                        + " WHERE patient_id = '" + id + "' ORDER BY id")) {
            rows.next();
            assertThat(rows.getString("action")).isEqualTo("CREATE");
            assertThat(rows.getString("clinic_id")).isEqualTo(CLINIC);
            rows.next();
            assertThat(rows.getString("action")).isEqualTo("READ");
            assertThat(rows.getString("actor_role")).isEqualTo("clinician");
        }
    }

    /** A search discloses each patient it returns, so each one's trail shows it. */
    @Test
    void eachPatientANameSearchReturnsHasItInTheirTrail() throws SQLException {
        String clinic = "clinic-audit-search-" + UUID.randomUUID();
        List<String> found = List.of(Fixtures.registerPatient(clinic, null), Fixtures.registerPatient(clinic, null));
        given().auth().oauth2(TestTokens.clinician(clinic)).when().get("/api/v1/patients?name=")
                .then().statusCode(200).body("items.size()", equalTo(2));
        for (String id : found) {
            try (Connection db = connect(); Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT actor_role, detail FROM audit_entry"
                            + " WHERE patient_id = '" + id + "' AND action = 'SEARCH'")) {
                assertThat(rows.next()).as("a search entry in the trail of " + id).isTrue();
                assertThat(rows.getString("actor_role")).isEqualTo("clinician");
                assertThat(rows.getString("detail")).isEqualTo("found by name search");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    /**
     * A read of another clinic's patient answers as a read of an id that does not exist, and both leave
     * an entry: the first in that patient's trail, the second in the caller's clinic's.
     */
    @Test
    void aReadOutOfReachIsInThePatientsTrailAndOneOfNoPatientInTheCallersClinics() throws SQLException {
        String id = Fixtures.registerPatient(CLINIC, null);
        String unknown = UUID.randomUUID().toString();
        String elsewhere = "clinic-audit-elsewhere-" + UUID.randomUUID();
        for (String asked : List.of(id, unknown)) {
            given().auth().oauth2(TestTokens.clinician(elsewhere)).when().get("/api/v1/patients/" + asked)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("No patient " + asked + "."));
        }
        assertThat(refusals("patient:" + id)).containsExactly(
                "clinician " + elsewhere + " patient " + id + " refused: out of the caller's reach");
        assertThat(refusals("clinic:" + elsewhere)).containsExactly(
                "clinician " + elsewhere + " patient " + unknown + " refused: no such record");

        UUID intake = UUID.randomUUID();
        given().auth().oauth2(TestTokens.clinician(elsewhere)).when().get("/fhir/r4/Observation/" + intake + "-pain")
                .then().statusCode(404);
        assertThat(refusals("clinic:" + elsewhere)).as("a FHIR id of nothing, audited like one out of reach")
                .contains("clinician " + elsewhere + " fhir-resource " + intake + " refused: no such record");
        verification().body("intact", equalTo(true));
    }

    private static List<String> refusals(String chain) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Connection db = connect(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT actor_role, clinic_id, resource_type, resource_id, detail"
                        + " FROM audit_entry WHERE chain_key = '" + chain + "' AND action = 'REFUSED' ORDER BY chain_seq")) {
            while (rows.next()) {
                entries.add(String.join(" ", rows.getString("actor_role"), rows.getString("clinic_id"),
                        rows.getString("resource_type"), rows.getString("resource_id"), rows.getString("detail")));
            }
        }
        return entries;
    }

    @Test
    void theAuditTableRefusesUpdatesAndDeletes() throws SQLException {
        Fixtures.registerPatient(CLINIC, null);
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE audit_entry SET actor = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM audit_entry"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void everyKindOfTamperingIsFoundAtTheFirstBadEntry() throws SQLException {
        String id = Fixtures.registerPatient(CLINIC, null);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + id).then().statusCode(200);
        }
        String chain = "patient:" + id;
        verification().body("intact", equalTo(true));

        try (Connection db = connect(); Statement sql = db.createStatement()) {
            long[] ids = chainIds(sql, chain);
            long first = ids[0];
            long middle = ids[1];
            long newest = ids[ids.length - 1];
            sql.execute("SET session_replication_role = replica");
            sql.executeUpdate("CREATE TEMP TABLE original AS SELECT * FROM audit_entry WHERE chain_key = '" + chain + "'");

            tampered(sql, "UPDATE audit_entry SET actor = 'someone-else' WHERE id = " + middle, middle, "altered");
            tampered(sql, "UPDATE audit_entry SET detail = '' WHERE id = " + middle + " AND detail IS NULL", middle, "altered");
            tampered(sql, "UPDATE audit_entry SET actor = 'someone-else', entry_hash = encode(sha256(convert_to("
                    + "'someone-else' || previous_hash, 'UTF8')), 'hex') WHERE id = " + middle, middle, "altered");
            tampered(sql, "DELETE FROM audit_entry WHERE id = " + middle, ids[2], "removed");
            tampered(sql, "INSERT INTO audit_entry (id, occurred_at, actor, actor_role, action, resource_type, "
                    + "previous_hash, entry_hash, scheme, chain_key, chain_seq) SELECT nextval('audit_entry_seq'), now(), "
                    + "'intruder', 'clinician', 'READ', 'patient', entry_hash, repeat('a', 64), 2, chain_key, chain_seq + 1 "
                    + "FROM audit_entry WHERE id = " + newest, null, "altered");
            tampered(sql, "INSERT INTO audit_entry (id, occurred_at, actor, actor_role, action, resource_type, "
                    + "previous_hash, entry_hash, scheme) SELECT nextval('audit_entry_seq'), now(), 'intruder', "
                    + "'clinician', 'READ', 'patient', repeat('0', 64), repeat('0', 64), 1", null, "inserted");
            tampered(sql, "UPDATE audit_entry SET chain_key = NULL WHERE id = " + first, ids[1], "removed");
            tampered(sql, "INSERT INTO audit_entry (id, occurred_at, actor, actor_role, action, resource_type, "
                    + "previous_hash, entry_hash, scheme) SELECT nextval('audit_entry_seq'), now(), 'intruder', "
                    + "'clinician', 'READ', 'patient', repeat('0', 64), repeat('0', 64), 2", null, "no chain");

            awaitAnchored(sql, chain, ids.length);
            tampered(sql, resealedWithTheKey(sql, newest, "someone-else"), newest, "rewritten");
            tampered(sql, "DELETE FROM audit_entry WHERE id = " + newest, newest, "cut short");
        }
    }

    @Test
    void aChainLongerThanAPageIsVerifiedAcrossThePages() throws SQLException {
        String id = Fixtures.registerPatient(CLINIC, null);
        for (int i = 0; i < 505; i++) {
            given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + id).then().statusCode(200);
        }
        String chain = "patient:" + id;
        verification().body("intact", equalTo(true));

        try (Connection db = connect(); Statement sql = db.createStatement()) {
            long[] ids = chainIds(sql, chain);
            assertThat(ids).hasSizeGreaterThan(500);
            sql.execute("SET session_replication_role = replica");
            sql.executeUpdate("CREATE TEMP TABLE original AS SELECT * FROM audit_entry WHERE chain_key = '" + chain + "'");

            tampered(sql, "UPDATE audit_entry SET actor = 'someone-else' WHERE id = " + ids[502], ids[502], "altered");
            tampered(sql, "DELETE FROM audit_entry WHERE id = " + ids[501], ids[502], "removed");
        }
    }

    /**
     * The chains that grew are anchored a page at a time (a day's clocks grow one per patient): more
     * than two pages of them are each anchored with their seal, in the job's bookmark and on the anchor
     * topic, none lost, and verification still finds them intact. Whether one round or several took
     * them is not told apart (a round runs every second in tests).
     */
    @Test
    void everyChainThatGrewIsAnchoredWhateverTheirNumber() throws Exception {
        String clinic = "clinic-audit-anchoring-" + UUID.randomUUID();
        List<AuditEntry> heads = new ArrayList<>();
        try (Connection db = connect(); Statement sql = db.createStatement();
                ResultSet ids = sql.executeQuery("SELECT nextval('audit_entry_seq') FROM generate_series(1, 1201)");
                PreparedStatement insert = db.prepareStatement("""
                        INSERT INTO audit_entry (id, occurred_at, actor, actor_role, clinic_id, action, resource_type,
                                                 resource_id, patient_id, previous_hash, entry_hash, scheme, chain_key, chain_seq)
                        VALUES (?, ?, 'clinician-1', 'clinician', ?, 'READ', 'patient', ?, ?, ?, ?, 2, ?, 1)""")) {
            while (ids.next()) {
                AuditEntry head = firstOfANewChain(ids.getLong(1), clinic);
                insert.setLong(1, head.id);
                insert.setObject(2, OffsetDateTime.ofInstant(head.occurredAt, ZoneOffset.UTC));
                insert.setString(3, clinic);
                insert.setString(4, head.resourceId);
                insert.setObject(5, head.patientId);
                insert.setString(6, head.previousHash);
                insert.setString(7, head.entryHash);
                insert.setString(8, head.chainKey);
                insert.addBatch();
                heads.add(head);
            }
            insert.executeBatch();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                try (ResultSet anchored = sql.executeQuery("SELECT count(*) FROM audit_anchor a JOIN audit_entry e"
                        + " ON e.chain_key = a.chain_key AND e.chain_seq = a.chain_seq AND e.entry_hash = a.entry_hash"
                        + " WHERE e.clinic_id = '" + clinic + "'")) {
                    anchored.next();
                    return anchored.getLong(1) == heads.size();
                }
            });
        }
        Set<String> published = new HashSet<>();
        for (ConsumerRecord<String, String> record : TopicProbe.readToEnd(AuditAnchor.TOPIC)) {
            JsonNode anchor = json.readTree(record.value());
            published.add(anchor.path("chain").asText() + " " + anchor.path("hash").asText());
        }
        assertThat(published).containsAll(heads.stream().map(head -> head.chainKey + " " + head.entryHash).toList());
        verification().body("intact", equalTo(true));
    }

    private AuditEntry firstOfANewChain(long id, String clinic) {
        AuditEntry entry = new AuditEntry();
        entry.id = id;
        entry.patientId = UUID.randomUUID();
        entry.chainKey = "patient:" + entry.patientId;
        entry.chainSeq = 1L;
        entry.previousHash = "0".repeat(64);
        entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.actor = "clinician-1";
        entry.actorRole = "clinician";
        entry.clinicId = clinic;
        entry.action = "READ";
        entry.resourceType = "patient";
        entry.resourceId = entry.patientId.toString();
        entry.entryHash = seal.of(entry);
        return entry;
    }

    /**
     * Applies the change, expects verification to report it (and its gauge, which alerts ops, to show
     * it), then puts the chain back as it was.
     */
    private void tampered(Statement sql, String change, Long brokenAt, String problem) throws SQLException {
        sql.executeUpdate(change);
        var report = verification().body("intact", equalTo(false)).body("problem", containsString(problem));
        if (brokenAt != null) {
            report.body("brokenAtEntryId", equalTo(brokenAt.intValue()));
        }
        assertThat(verificationGauge()).isZero();
        sql.executeUpdate("DELETE FROM audit_entry WHERE (scheme = 2 AND chain_key IS NULL) OR actor = 'intruder' "
                + "OR id IN (SELECT id FROM original)");
        sql.executeUpdate("INSERT INTO audit_entry SELECT * FROM original");
        verification().body("intact", equalTo(true));
        assertThat(verificationGauge()).isEqualTo(1);
    }

    private double verificationGauge() {
        return registry.get("backtrack.audit.verification.intact").gauge().value();
    }

    /** What someone who has the database and the audit key can do: alter an entry and seal it again. */
    private String resealedWithTheKey(Statement sql, long id, String actor) throws SQLException {
        AuditEntry entry = new AuditEntry();
        try (ResultSet row = sql.executeQuery("SELECT * FROM audit_entry WHERE id = " + id)) {
            row.next();
            entry.id = id;
            entry.chainKey = row.getString("chain_key");
            entry.chainSeq = row.getLong("chain_seq");
            entry.previousHash = row.getString("previous_hash");
            entry.occurredAt = row.getObject("occurred_at", OffsetDateTime.class).toInstant();
            entry.actor = actor;
            entry.actorRole = row.getString("actor_role");
            entry.clinicId = row.getString("clinic_id");
            entry.action = row.getString("action");
            entry.resourceType = row.getString("resource_type");
            entry.resourceId = row.getString("resource_id");
            entry.patientId = row.getObject("patient_id", UUID.class);
            entry.detail = row.getString("detail");
        }
        return "UPDATE audit_entry SET actor = '" + actor + "', entry_hash = '" + seal.of(entry) + "' WHERE id = " + id;
    }

    private static void awaitAnchored(Statement sql, String chain, long seq) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM audit_anchor WHERE chain_key = '" + chain
                    + "' AND chain_seq >= " + seq)) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        });
    }

    private static long[] chainIds(Statement sql, String chain) throws SQLException {
        try (ResultSet rows = sql.executeQuery("SELECT id FROM audit_entry WHERE chain_key = '" + chain
                + "' ORDER BY chain_seq")) {
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            assertThat(ids).hasSizeGreaterThanOrEqualTo(4);
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static ValidatableResponse verification() {
        return given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/admin/audit/verification")
                .then().statusCode(200);
    }

    private static Connection connect() throws SQLException {
        var postgres = RealInfrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl("patient"), postgres.user(), postgres.password());
    }
}
