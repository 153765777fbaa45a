package io.backtrack.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.backtrack.contracts.EventJson;
import io.backtrack.contracts.EventSchemas;
import io.backtrack.contracts.EventType;
import io.backtrack.contracts.Topic;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Six journeys on one timeline, driven only through REST while the services' clocks advance day by
 * day: the verdicts, the escalations (and the forbidden ones), the plan status, and what a partner
 * reading the three topics from the beginning sees.
 */
class JourneysSystemTest {

    private static final String CLINIC = "clinic-system";
    private static final List<List<String>> PHASES = List.of(List.of("SC-01", "CS-01", "CS-04"),
            List.of("SG-03", "SG-04", "AE-01"));

    private static BackTrackSystem system;
    private final String clinician = TestTokens.clinician(CLINIC);

    /** A patient's path: their condition, how often they exercise, and how they score at reviews. */
    record Journey(String name, String condition, int odiEach, int sessionsPerWeek, int painAtReview,
            int odiAtReview, String redFlag, String patientId, String planId) {
    }

    @BeforeAll
    static void start() {
        system = BackTrackSystem.shared();
    }

    @Test
    void sixJourneys() {
        LocalDate day0 = system.today();
        Journey responder = begin("responder", "M54.50", 2, 3, 3, 1, null);
        Journey notAdhering = begin("not-adhering", "M54.50", 2, 1, 7, 2, null);
        Journey nonSpecific = begin("non-specific", "M54.50", 2, 3, 7, 2, null);
        Journey radicular = begin("radicular", "M51.16", 2, 3, 7, 2, null);
        Journey emergency = begin("emergency", "M54.50", 2, 0, 0, 0, "saddleNumbness");
        Journey urgentSession = begin("urgent-session", "M54.50", 2, 3, 0, 0, null);
        List<Journey> exercising = List.of(responder, notAdhering, nonSpecific, radicular, urgentSession);

        for (int day = 1; day <= 42; day++) {
            system.advanceOneDay();
            LocalDate yesterday = day0.plusDays(day - 1L);
            int weekday = (day - 1) % 7;
            for (Journey j : exercising) {
                boolean exercises = j.sessionsPerWeek() == 3 ? weekday % 2 == 0 && weekday < 6 : weekday == 0;
                if (exercises && planStatus(j).equals("ACTIVE")) {
                    logSession(j, yesterday, (day - 1) / 7 < 2 ? 0 : 1, j == urgentSession && day == 3);
                }
            }
            if (day == 28 || day == 42) {
                awaitReviews(day == 28 ? 4 : 6, day == 28 ? List.of(responder, notAdhering, nonSpecific, radicular)
                        : List.of(nonSpecific, radicular));
                for (Journey j : List.of(responder, notAdhering, nonSpecific, radicular)) {
                    measures(j, day0.plusDays(day));
                }
            }
        }

        awaitVerdict(responder, 4, "RESPONDING");
        awaitVerdict(notAdhering, 4, "NON_RESPONDING");
        awaitVerdict(nonSpecific, 6, "NON_RESPONDING");
        awaitVerdict(radicular, 6, "NON_RESPONDING");

        assertThat(escalations(responder)).isEmpty();
        assertThat(escalations(notAdhering)).containsExactly("ADHERENCE_INTERVENTION");
        assertThat(escalations(nonSpecific))
                .contains("PLAN_REVISION", "SECOND_OPINION", "MULTIDISCIPLINARY_PAIN_PROGRAM")
                .doesNotContain("IMAGING", "SURGICAL_CONSULT", "INTERVENTIONAL_PAIN");
        assertThat(escalations(radicular))
                .contains("PLAN_REVISION", "IMAGING", "SURGICAL_CONSULT", "INTERVENTIONAL_PAIN");
        assertThat(escalations(emergency)).containsExactly("EMERGENCY_REFERRAL");
        assertThat(escalations(urgentSession)).contains("URGENT_MEDICAL_REFERRAL", "IMAGING");

        assertThat(planStatus(responder)).isEqualTo("ACTIVE");
        assertThat(planStatus(urgentSession)).isEqualTo("ON_HOLD");
        assertThat(emergency.planId()).isNull();
        aRedFlagReportedInASessionBlocksTherapyUntilCleared(urgentSession);

        partnerSeesEveryEventOnceInOrder(List.of(responder, notAdhering, nonSpecific, radicular, emergency, urgentSession));
        theEpisodeReadsInDateOrderFromThreeTimelines(urgentSession);
        theEpisodeReadsInDateOrderFromThreeTimelines(nonSpecific);
    }

    /** docs/getting-started-frontend.md: a screen merges the three services' timelines by {@code at}. */
    private void theEpisodeReadsInDateOrderFromThreeTimelines(Journey j) {
        List<Map<String, Object>> merged = new ArrayList<>();
        for (String api : List.of(system.patients, system.plans, system.outcomes)) {
            List<Map<String, Object>> entries = given().auth().oauth2(clinician)
                    .get(api + "/patients/" + j.patientId() + "/timeline").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            assertThat(entries).extracting(e -> Instant.parse((String) e.get("at"))).as(api).isSorted();
            merged.addAll(entries);
            given().auth().oauth2(TestTokens.clinician("clinic-elsewhere")).get(api + "/patients/" + j.patientId() + "/timeline")
                    .then().statusCode(404);
        }
        merged.sort(Comparator.comparing(e -> Instant.parse((String) e.get("at"))));
        List<Object> kinds = merged.stream().map(e -> e.get("kind")).toList();
        assertThat(kinds).as(j.name()).containsSubsequence("REGISTERED", "INTAKE", "PLAN_VERSION", "SESSION");
        if (j.name().equals("urgent-session")) {
            assertThat(kinds).contains("RED_FLAG_RAISED", "PLAN_ON_HOLD", "RED_FLAG_CLEARED", "PLAN_RESUMED",
                    "ESCALATION_RECOMMENDED");
        } else {
            assertThat(kinds).contains("REVIEW_DUE", "MEASURE", "REVIEW_COMPLETED", "ESCALATION_RECOMMENDED");
        }
    }

    private Journey begin(String name, String condition, int odiEach, int sessionsPerWeek, int painAtReview,
            int odiAtReview, String redFlag) {
        String patientId = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Journey\",\"familyName\":\"" + name + "\",\"birthDate\":\"1972-03-04\",\"sex\":\"OTHER\"}")
                .when().post(system.patients + "/patients").then().statusCode(201).extract().path("id");
        String screen = ClinicRequests.redFlagScreen(redFlag);
        String intakeId = given().auth().oauth2(clinician).contentType(ContentType.JSON).body("""
                {"onsetDate":"%s","trigger":"NONE","history":{"previousEpisodes":1},"symptoms":["MUSCLE_ACHE"],
                 "conditions":["%s"],"redFlagScreen":{%s},
                 "startBack":{"legPain":true,"shoulderOrNeckPain":false,"walkedOnlyShortDistances":false,
                   "dressedMoreSlowly":false,"activityNotSafe":false,"worryingThoughts":false,
                   "painTerribleNeverImprove":false,"stoppedEnjoyingThings":false,"bothersomeness":"MODERATELY"},
                 "odi":%s,"painNrs":7,"motorDeficit":false}"""
                .formatted(system.today().minusDays(30), condition, screen, odi(odiEach, condition.startsWith("M51") ? 2 : 0)))
                .when().post(system.patients + "/patients/" + patientId + "/intakes").then().statusCode(201)
                .extract().path("id");
        system.awaitIntakeApplied(clinician, patientId, intakeId);
        var plan = given().auth().oauth2(clinician).contentType(ContentType.JSON).body("""
                {"intakeId":"%s","startDate":"%s","sessionsPerWeek":3,"durationWeeks":8,
                 "phases":[{"name":"Spine control","weeks":2,"items":[%s]},{"name":"Loading","weeks":6,"items":[%s]}],
                 "painTriggers":["Sitting"],"activityModifications":["Stand every 30 minutes"]}"""
                .formatted(intakeId, system.today(), items(PHASES.get(0)), items(PHASES.get(1))))
                .when().post(system.plans + "/patients/" + patientId + "/plans").then();
        if (redFlag != null) {
            plan.statusCode(422);
            return new Journey(name, condition, odiEach, 0, painAtReview, odiAtReview, redFlag, patientId, null);
        }
        String planId = plan.statusCode(201).extract().path("id");
        return new Journey(name, condition, odiEach, sessionsPerWeek, painAtReview, odiAtReview, redFlag, patientId, planId);
    }

    private void logSession(Journey j, LocalDate day, int phase, boolean urgentSymptom) {
        String exercises = PHASES.get(phase).stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(","));
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body("""
                {"performedAt":"%sT18:00:00Z","exercisesDone":[%s],"painBefore":5,"painAfter":5%s}"""
                .formatted(day, exercises, urgentSymptom ? ",\"reportedRedFlags\":[\"PROGRESSIVE_MOTOR_WEAKNESS\"]" : ""))
                .when().post(system.plans + "/plans/" + j.planId() + "/sessions").then().statusCode(201);
    }

    private void measures(Journey j, LocalDate day) {
        String url = system.outcomes + "/patients/" + j.patientId() + "/measures";
        given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"type\":\"PAIN_NRS\",\"effectiveDate\":\"" + day + "\",\"painNrs\":" + j.painAtReview() + "}")
                .when().post(url).then().statusCode(201);
        given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"type\":\"ODI\",\"effectiveDate\":\"" + day + "\",\"odi\":"
                        + odi(j.odiAtReview(), j.condition().startsWith("M51") ? 2 : 0) + "}")
                .when().post(url).then().statusCode(201);
    }

    private void awaitReviews(int week, List<Journey> journeys) {
        await().atMost(Duration.ofSeconds(60)).until(() -> journeys.stream().allMatch(j -> reviews(j).stream()
                .anyMatch(r -> ((Number) r.get("week")).intValue() == week)));
    }

    private void awaitVerdict(Journey j, int week, String verdict) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(reviews(j))
                .anySatisfy(r -> {
                    assertThat(((Number) r.get("week")).intValue()).isEqualTo(week);
                    assertThat(r.get("verdict")).isEqualTo(verdict);
                }));
    }

    private List<Map<String, Object>> reviews(Journey j) {
        return given().auth().oauth2(clinician).get(system.outcomes + "/patients/" + j.patientId() + "/progress")
                .then().statusCode(200).extract().path("reviews");
    }

    private List<String> escalations(Journey j) {
        return given().auth().oauth2(clinician).get(system.outcomes + "/patients/" + j.patientId() + "/progress")
                .then().statusCode(200).extract().path("escalations.type");
    }

    /**
     * Rules §7: the flag reported in the session is opened on the patient in patient-service; resuming
     * is refused while it is open; clearing it does not resume the plan; the clinician resumes.
     */
    private void aRedFlagReportedInASessionBlocksTherapyUntilCleared(Journey j) {
        String path = system.patients + "/patients/" + j.patientId() + "/red-flags";
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(clinician).get(path)
                .then().statusCode(200).extract().<List<String>>path("findAll { it.open }.flag")
                .contains("PROGRESSIVE_MOTOR_WEAKNESS"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !clinicalProfile(j).getList("openRedFlags").isEmpty());
        String resume = "{\"status\":\"ACTIVE\",\"reason\":\"Symptoms settled\"}";
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(resume)
                .post(system.plans + "/plans/" + j.planId() + "/status")
                .then().statusCode(422).body("violations.rule", hasItem("PLAN-RED-FLAG"));

        String flag = given().auth().oauth2(clinician).get(path).then().extract().path("find { it.open }.id");
        given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"reason\":\"Examined: strength normal, no progression\"}")
                .post(path + "/" + flag + "/clear").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> clinicalProfile(j).getList("openRedFlags").isEmpty());
        assertThat(planStatus(j)).as("clearing is not resuming").isEqualTo("ON_HOLD");
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(resume)
                .post(system.plans + "/plans/" + j.planId() + "/status")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    private JsonPath clinicalProfile(Journey j) {
        return given().auth().oauth2(clinician).get(system.plans + "/patients/" + j.patientId() + "/clinical-profile")
                .then().statusCode(200).extract().jsonPath();
    }

    private String planStatus(Journey j) {
        return given().auth().oauth2(clinician).get(system.plans + "/plans/" + j.planId())
                .then().statusCode(200).extract().path("status");
    }

    /** Every event once (by ce_id), valid against its schema, keyed by the patient, in time order per topic. */
    private static void partnerSeesEveryEventOnceInOrder(List<Journey> journeys) {
        EventSchemas schemas = new EventSchemas();
        Set<String> patients = journeys.stream().map(Journey::patientId).collect(Collectors.toSet());
        for (Topic topic : Topic.values()) {
            TopicProbe.readAll(topic.topicName(), Duration.ofSeconds(30),
                    all -> all.stream().filter(r -> patients.contains(r.key())).map(ConsumerRecord::key)
                            .collect(Collectors.toSet()).size() >= (topic == Topic.PLAN ? 5 : 6));
        }
        for (String database : List.of("patient", "plan", "outcome")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Databases.count(database,
                    "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        }
        for (Topic topic : Topic.values()) {
            // to the end offsets taken now that nothing is left to publish: a duplicate cannot hide behind them
            List<ConsumerRecord<String, String>> records = TopicProbe.readToEnd(topic.topicName());
            Set<String> ids = new HashSet<>();
            for (String patient : patients) {
                List<String> times = new ArrayList<>();
                for (ConsumerRecord<String, String> record : records) {
                    if (!patient.equals(record.key())) {
                        continue;
                    }
                    assertThat(ids.add(TopicProbe.header(record, "ce_id"))).as("delivered once").isTrue();
                    EventType type = EventType.ofCeType(TopicProbe.header(record, "ce_type")).orElseThrow();
                    assertThat(type.topic()).isEqualTo(topic);
                    assertThat(schemas.violations(type, json(record.value()))).as(type.ceType()).isEmpty();
                    times.add(TopicProbe.header(record, "ce_time"));
                }
                assertThat(times).as("events of " + patient + " on " + topic.topicName())
                        .isSortedAccordingTo((a, b) -> java.time.Instant.parse(a).compareTo(java.time.Instant.parse(b)));
            }
        }
    }

    private static JsonNode json(String value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** ODI answers: every section {@code each}, and {@code higher} of them one point more. */
    private static String odi(int each, int higher) {
        String[] names = {"painIntensity", "personalCare", "lifting", "walking", "sitting", "standing", "sleeping",
                "sexLife", "socialLife", "travelling"};
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(names[i]).append("\":").append(i < higher ? each + 1 : each);
        }
        return json.append('}').toString();
    }

    private static String items(List<String> codes) {
        return codes.stream().map(c -> "{\"exerciseCode\":\"" + c + "\"}").collect(Collectors.joining(","));
    }
}
