package io.backtrack.plan;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.testing.TestTokens;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;

/** Plans a clinic would prescribe, as JSON trees a test can change. */
public final class PlanFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanFixtures() {
    }

    /** Two phases: spine control and core work for two weeks, then loading; three sessions a week. */
    public static ObjectNode plan(LocalDate start) {
        ObjectNode plan = JSON.createObjectNode()
                .put("startDate", start.toString())
                .put("sessionsPerWeek", 3);
        ArrayNode phases = plan.putArray("phases");
        ObjectNode control = phases.addObject().put("name", "Spine control").put("weeks", 2);
        items(control, "SC-01", "CS-01", "CS-04", "ED-01");
        ObjectNode loading = phases.addObject().put("name", "Loading").put("weeks", 4);
        items(loading, "SG-03", "SG-04", "AE-01");
        plan.putArray("painTriggers").add("Sitting more than 30 minutes");
        plan.putArray("activityModifications").add("Stand and walk every 30 minutes at work");
        plan.putArray("goals").add("Walk 30 minutes without pain");
        return plan;
    }

    public static void items(ObjectNode phase, String... codes) {
        ArrayNode items = phase.putArray("items");
        for (String code : codes) {
            items.addObject().put("exerciseCode", code).put("sets", 3).put("reps", 10);
        }
    }

    public static String createPlan(String clinicId, UUID patientId, ObjectNode plan) {
        return given().auth().oauth2(TestTokens.clinician(clinicId)).contentType(ContentType.JSON).body(plan.toString())
                .when().post("/api/v1/patients/" + patientId + "/plans")
                .then().statusCode(201)
                .extract().path("id");
    }
}
