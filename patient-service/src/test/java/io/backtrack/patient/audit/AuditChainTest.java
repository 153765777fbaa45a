package io.backtrack.patient.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.backtrack.patient.Fixtures;
import io.backtrack.testing.RealInfrastructure;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditChainTest {

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
    void verificationFindsAnEditedEntryAndARemovedOne() throws SQLException {
        String id = Fixtures.registerPatient(CLINIC, null);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.clinician(CLINIC)).when().get("/api/v1/patients/" + id).then().statusCode(200);
        }
        verification().body("intact", equalTo(true));

        try (Connection db = connect(); Statement sql = db.createStatement()) {
            long[] ids = lastThreeIds(sql, id);
            sql.execute("SET session_replication_role = replica");

            sql.executeUpdate("UPDATE audit_entry SET actor = 'someone-else' WHERE id = " + ids[1]);
            verification().body("intact", equalTo(false)).body("brokenAtEntryId", equalTo((int) ids[1]));
            sql.executeUpdate("UPDATE audit_entry SET actor = 'clinician-" + CLINIC + "' WHERE id = " + ids[1]);
            verification().body("intact", equalTo(true));

            sql.executeUpdate("CREATE TEMP TABLE removed AS SELECT * FROM audit_entry WHERE id = " + ids[1]);
            sql.executeUpdate("DELETE FROM audit_entry WHERE id = " + ids[1]);
            verification().body("intact", equalTo(false)).body("brokenAtEntryId", equalTo((int) ids[2]));
            sql.executeUpdate("INSERT INTO audit_entry SELECT * FROM removed");
            verification().body("intact", equalTo(true));
        }
    }

    private static long[] lastThreeIds(Statement sql, String patientId) throws SQLException {
        try (ResultSet rows = sql.executeQuery("SELECT id FROM audit_entry WHERE patient_id = '" + patientId
                + "' ORDER BY id DESC LIMIT 3")) {
            long[] ids = new long[3];
            for (int i = 2; i >= 0; i--) {
                rows.next();
                ids[i] = rows.getLong(1);
            }
            return ids;
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
