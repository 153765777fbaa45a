package io.backtrack.patient;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.contracts.clinical.RedFlagCode;
import io.backtrack.contracts.plan.SessionCompleted;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Requests a clinic would send, as JSON trees a test can change field by field, and plan-service's sessions. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static ObjectNode registration(String loginSubject) {
        ObjectNode body = JSON.createObjectNode()
                .put("givenName", "Ada")
                .put("familyName", "Lumbar-" + UUID.randomUUID().toString().substring(0, 8))
                .put("birthDate", "1980-05-17")
                .put("sex", "FEMALE");
        body.putObject("contact").put("email", "ada@example.org").put("phone", "+44 20 7946 0000");
        if (loginSubject != null) {
            body.put("loginSubject", loginSubject);
        }
        return body;
    }

    /** Registers a patient in the clinic and returns its id. */
    public static String registerPatient(String clinicId, String loginSubject) {
        return given().auth().oauth2(TestTokens.clinician(clinicId))
                .contentType(ContentType.JSON).body(registration(loginSubject).toString())
                .when().post("/api/v1/patients")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** A complete intake: acute non-specific low back pain, no red flags, STarT Back low, ODI 32 %. */
    public static ObjectNode intake() {
        ObjectNode body = JSON.createObjectNode()
                .put("onsetDate", LocalDate.now().minusDays(10).toString())
                .put("trigger", "NONE")
                .put("painNrs", 6)
                .put("motorDeficit", false)
                .put("psychosocialNotes", "Worried about work.");
        body.putObject("history")
                .put("previousEpisodes", 1)
                .put("dailyRoutine", "Desk work, drives 40 minutes")
                .put("activityLevel", "LIGHT")
                .put("occupation", "Accountant")
                .put("smoking", "NEVER");
        body.putArray("symptoms").add("MUSCLE_ACHE").add("REDUCED_RANGE_OF_MOTION");
        body.putArray("conditions").add("M54.50");
        ObjectNode redFlags = body.putObject("redFlagScreen");
        for (String question : new String[] {"newBladderOrBowelDysfunction", "saddleNumbness",
                "bilateralLegNeurologicalDeficit", "progressiveMotorWeakness", "fever", "recentInfection",
                "immunosuppression", "intravenousDrugUse", "historyOfCancer", "unexplainedWeightLoss", "majorTrauma",
                "minorTrauma", "osteoporosis", "longTermCorticosteroids", "constantNightPain"}) {
            redFlags.put(question, false);
        }
        body.putObject("startBack")
                .put("legPain", false).put("shoulderOrNeckPain", true).put("walkedOnlyShortDistances", true)
                .put("dressedMoreSlowly", false).put("activityNotSafe", false).put("worryingThoughts", true)
                .put("painTerribleNeverImprove", false).put("stoppedEnjoyingThings", false)
                .put("bothersomeness", "MODERATELY");
        body.putObject("odi")
                .put("painIntensity", 2).put("personalCare", 2).put("lifting", 2).put("walking", 2)
                .put("sitting", 2).put("standing", 2).put("sleeping", 1).put("sexLife", 1)
                .put("socialLife", 1).put("travelling", 1);
        body.putArray("psfs").addObject().put("activity", "Put on socks").put("score", 4);
        return body;
    }

    /** A session-completed event on plan-service's topic, from {@code source}, reporting {@code flags}. */
    public static void publishSession(String eventId, String source, String patient, String clinic, UUID session,
            List<RedFlagCode> flags) throws JsonProcessingException {
        publishSession(eventId, source, patient, clinic, session, flags, UnaryOperator.identity());
    }

    /** The same, its JSON value changed by {@code edit} as a faulty or hostile producer would. */
    public static void publishSession(String eventId, String source, String patient, String clinic, UUID session,
            List<RedFlagCode> flags, UnaryOperator<String> edit) throws JsonProcessingException {
        Instant now = Instant.now();
        SessionCompleted completed = new SessionCompleted(UUID.fromString(patient), clinic, UUID.randomUUID(), session,
                now, 1, 2, 2, true, 3, 3, null, List.of(), flags, false, now);
        TopicProbe.publish(Topic.PLAN.topicName(), patient, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_source", source, "ce_type", EventType.SESSION_COMPLETED.ceType(),
                "ce_subject", patient, "ce_time", now.toString(), "content-type", "application/json"),
                edit.apply(EventJson.mapper().writeValueAsString(completed)));
    }
}
