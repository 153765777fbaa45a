package io.backtrack.outcome.worklist;

import static io.backtrack.outcome.Events.TODAY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.clinical.StartBackRisk;
import io.backtrack.contracts.clinical.SuspectedCondition;
import io.backtrack.contracts.clinical.Urgency;
import io.backtrack.outcome.Events;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The clinic-wide lists (escalations, reviews, the worklist) disclose every patient they return: each
 * one's own audit trail shows who found them and how, as a read of the patient does.
 */
@QuarkusTest
class SearchDisclosureAuditTest {

    private final Pool pool;

    SearchDisclosureAuditTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void eachPatientAClinicWideListReturnsHasItInTheirTrail() {
        String clinic = "clinic-disclosure-" + UUID.randomUUID();
        String clinician = TestTokens.clinician(clinic);
        List<UUID> escalated = List.of(escalatedPatient(clinic), escalatedPatient(clinic));
        UUID reviewed = withIntake(clinic);
        Events.publish(reviewed, Events.reviewDue(reviewed, clinic,
                Events.activePlan(reviewed, clinic, TODAY.minusDays(28)), 4, TODAY, true));
        awaitApplied(clinic, 2, 1);

        assertThat(given().auth().oauth2(clinician).get("/api/v1/escalations").then().statusCode(200).extract()
                .jsonPath().getList("patientId", String.class)).containsOnly(escalated.get(0).toString(),
                escalated.get(1).toString());
        for (UUID patient : escalated) {
            assertThat(searchEntries(patient)).containsExactly("clinician found by escalation search");
        }
        assertThat(searchEntries(reviewed)).isEmpty();

        given().auth().oauth2(clinician).get("/api/v1/reviews").then().statusCode(200).body("size()", equalTo(1));
        assertThat(searchEntries(reviewed)).containsExactly("clinician found by review search");

        List<String> onThePage = given().auth().oauth2(clinician).queryParam("size", 1).get("/api/v1/worklist").then()
                .statusCode(200).extract().jsonPath().getList("items.patientId", String.class);
        assertThat(onThePage).hasSize(1);
        for (UUID patient : List.of(escalated.get(0), escalated.get(1), reviewed)) {
            assertThat(searchEntries(patient).contains("clinician found in the worklist"))
                    .as("the patients of the page only: " + patient).isEqualTo(onThePage.contains(patient.toString()));
        }

        given().auth().oauth2(clinician).queryParam("patientId", reviewed.toString()).get("/api/v1/reviews")
                .then().statusCode(200).body("size()", equalTo(1));
        assertThat(searchEntries(reviewed)).as("one patient's search is in their trail once")
                .containsExactly("clinician found by review search", "clinician status=null results=1");
    }

    /**
     * Another clinic's patient named in a list's filter is as unknown as a made-up id (404), and the
     * EHR's hook on their chart answers no cards; each attempt is in the patient's trail as REFUSED.
     */
    @Test
    void anotherClinicsPatientInAListsFilterOrAHookIsRefusedAndAudited() {
        String clinic = "clinic-disclosure-" + UUID.randomUUID();
        UUID patient = escalatedPatient(clinic);
        awaitApplied(clinic, 1, 0);
        String elsewhere = TestTokens.clinician("clinic-elsewhere-" + UUID.randomUUID());

        for (String list : List.of("/api/v1/escalations", "/api/v1/reviews")) {
            given().auth().oauth2(elsewhere).queryParam("patientId", patient.toString()).get(list)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(elsewhere).contentType(ContentType.JSON).body("""
                        {"hook":"patient-view","hookInstance":"%s","context":{"userId":"Practitioner/1","patientId":"%s"}}"""
                        .formatted(UUID.randomUUID(), patient))
                .post("/cds-services/backtrack-escalations").then().statusCode(200).body("cards.size()", equalTo(0));

        List<String> refused = new ArrayList<>();
        pool.preparedQuery("SELECT resource_type FROM audit_entry WHERE chain_key = $1 AND action = 'REFUSED' ORDER BY chain_seq")
                .execute(Tuple.of("patient:" + patient)).await().indefinitely()
                .forEach(row -> refused.add(row.getString("resource_type")));
        assertThat(refused).containsExactly("patient", "patient", "patient");
        assertThat(searchEntries(patient)).isEmpty();
    }

    /**
     * Lists that lock many patients' chains, started together while events about the same patients are
     * applied (each under its patient's lock), all answer, and every chain stays intact.
     */
    @Test
    void listsAndEventsOfTheSamePatientsAtOnceAllComplete() throws Exception {
        String clinic = "clinic-disclosure-race-" + UUID.randomUUID();
        String clinician = TestTokens.clinician(clinic);
        List<UUID> patients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            patients.add(escalatedPatient(clinic));
        }
        awaitApplied(clinic, patients.size(), 0);

        Random seeded = new Random(20261128);
        List<String> paths = new ArrayList<>(List.of("/api/v1/escalations", "/api/v1/reviews", "/api/v1/worklist",
                "/api/v1/escalations", "/api/v1/worklist", "/api/v1/reviews"));
        Collections.shuffle(paths, seeded);
        CyclicBarrier start = new CyclicBarrier(paths.size() + 1);
        ExecutorService threads = Executors.newFixedThreadPool(paths.size() + 1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String path : paths) {
                answers.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return given().auth().oauth2(clinician).get(path).statusCode();
                }));
            }
            Future<?> events = threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                for (UUID patient : patients) {
                    Events.publish(patient, Events.redFlag(patient, clinic, RedFlagCode.MALIGNANCY_RISK, Urgency.URGENT,
                            SuspectedCondition.MALIGNANCY));
                }
                return null;
            });
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
            events.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        long returningEveryPatient = paths.stream().filter(path -> !path.endsWith("/reviews")).count();
        for (UUID patient : patients) {
            assertThat(searchEntries(patient)).hasSize((int) returningEveryPatient);
        }
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/audit/verification")
                .then().statusCode(200).body("intact", equalTo(true));
    }

    private static UUID escalatedPatient(String clinic) {
        UUID patient = withIntake(clinic);
        Events.publish(patient, Events.redFlag(patient, clinic, RedFlagCode.SADDLE_NUMBNESS, Urgency.EMERGENCY,
                SuspectedCondition.CAUDA_EQUINA_SYNDROME));
        return patient;
    }

    private static UUID withIntake(String clinic) {
        UUID patient = Events.registered(clinic, null);
        Events.publish(patient, Events.intake(patient, clinic, 6, 15, StartBackRisk.MEDIUM, false, "M54.50"));
        return patient;
    }

    /**
     * Waits until outcome-service holds escalations of {@code escalated} patients and reviews of
     * {@code reviewed} ones of the clinic, without listing them (a list is audited).
     */
    private void awaitApplied(String clinic, int escalated, int reviewed) {
        await().atMost(Duration.ofSeconds(30)).until(() -> patientsIn("escalation", clinic) == escalated
                && patientsIn("review", clinic) == reviewed);
    }

    private long patientsIn(String table, String clinic) {
        return pool.preparedQuery("SELECT count(DISTINCT patient_id) FROM " + table + " WHERE clinic_id = $1")
                .execute(Tuple.of(clinic))
                .await().indefinitely().iterator().next().getLong(0);
    }

    /** The SEARCH entries of the patient's own chain, oldest first: the actor's role and the detail. */
    private List<String> searchEntries(UUID patient) {
        List<String> entries = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                        SELECT actor_role, detail FROM audit_entry
                         WHERE chain_key = $1 AND action = 'SEARCH' ORDER BY chain_seq""")
                .execute(Tuple.of("patient:" + patient)).await().indefinitely()) {
            entries.add(row.getString("actor_role") + " " + row.getString("detail"));
        }
        return entries;
    }
}
