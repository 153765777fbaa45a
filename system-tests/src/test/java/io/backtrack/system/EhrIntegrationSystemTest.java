package io.backtrack.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.backtrack.contracts.Topic;
import io.backtrack.testing.TestTokens;
import io.backtrack.testing.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an EHR does with BackTrack (docs/fhir.md): after a journey that ends in escalations, it reads
 * the patient's episode from the three services' FHIR R4 APIs (every resource valid against the base
 * R4 profiles, tenancy as on the REST API, reads audited), shows the open escalations as CDS Hooks
 * cards, and sends the clinician's feedback, which moves the escalations on the REST API and the topic.
 */
class EhrIntegrationSystemTest {

    private static final String CLINIC = "clinic-ehr";
    private static final String FHIR_JSON = "application/fhir+json";
    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");

    private static BackTrackSystem system;
    private final String clinician = TestTokens.clinician("dr.ehr", CLINIC);

    record Episode(String patientId, String login, String planId, LocalDate planStart) {
    }

    @BeforeAll
    static void start() {
        system = BackTrackSystem.shared();
    }

    @Test
    void anEhrReadsTheEpisodeInFhirAndAnswersItsEscalationsAsCards() {
        Episode radicular = radicularEpisodeWithAFlareAndARedFlag();
        Episode emergency = emergencyAtIntake();
        Map<String, String> escalations = awaitEscalations(radicular,
                Set.of("PLAN_REVISION", "URGENT_MEDICAL_REFERRAL", "IMAGING"));
        awaitEscalations(emergency, Set.of("EMERGENCY_REFERRAL"));

        theEpisodeReadsAsValidFhirFromThreeServices(radicular);
        aPartnerReadsWithHapisGenericClient(radicular);
        searchesPageWithBundleLinks(radicular);
        fhirKeepsTheRestApisTenancyAndAuditsReads(radicular, emergency);

        patientViewShowsOneCardPerOpenEscalation(radicular, escalations);
        assertThat(cards(emergency)).singleElement()
                .satisfies(card -> assertThat(card.get("indicator")).isEqualTo("critical"));
        feedbackMovesTheEscalationsOnRestAndTopic(radicular, escalations);
    }

    private void theEpisodeReadsAsValidFhirFromThreeServices(Episode e) {
        for (String service : List.of("patient-service", "plan-service", "outcome-service")) {
            String metadata = given().get(fhirBase(service) + "/metadata").then().statusCode(200)
                    .contentType(startsWith(FHIR_JSON)).extract().asString();
            assertValid(metadata);
        }
        String patient = read(clinician, fhirBase("patient-service") + "/Patient/" + e.patientId());
        assertThat(JsonPath.from(patient).getString("resourceType")).isEqualTo("Patient");

        JsonPath conditions = searchAndReadEach("patient-service", "Condition", "patient=Patient/" + e.patientId());
        assertThat(conditions.getList("entry.collect { it.resource.code.coding[0].code }")).containsExactly("M51.16");
        assertThat(conditions.getList("entry.collect { it.resource.code.coding[0].system }"))
                .containsExactly("http://hl7.org/fhir/sid/icd-10-cm");

        JsonPath baseline = searchAndReadEach("patient-service", "Observation", "patient=" + e.patientId());
        assertThat(baseline.<String>getList("entry.collect { it.resource.code.coding[0].code }")).containsExactlyInAnyOrder(
                "72514-3", "97908-8", "97909-6", "91349-1", "91351-7", "91350-9", "91352-5", "psfs-mean");
        JsonPath pain = search(clinician, "patient-service", "Observation",
                "patient=" + e.patientId() + "&code=http://loinc.org|72514-3");
        assertThat(pain.getInt("total")).isEqualTo(1);
        assertThat(pain.getInt("entry[0].resource.valueInteger")).isEqualTo(7);

        await().atMost(Duration.ofSeconds(60)).until(() -> search(clinician, "patient-service", "Flag",
                "patient=" + e.patientId()).getList("entry.collect { it.resource.code.coding[0].code }").contains("PROGRESSIVE_MOTOR_WEAKNESS"));
        JsonPath flags = searchAndReadEach("patient-service", "Flag", "patient=" + e.patientId());
        assertThat(flags.getList("entry.resource.status")).containsExactly("active");

        JsonPath carePlans = searchAndReadEach("plan-service", "CarePlan", "patient=" + e.patientId());
        assertThat(carePlans.getList("entry.resource.status")).containsExactly("on-hold");
        assertThat(carePlans.getList("entry[0].resource.activity.collect { it.detail.code.coding[0].code }"))
                .containsExactly("SC-01", "CS-01", "CS-04", "ED-01", "SG-03", "AE-01");
        JsonPath sessions = searchAndReadEach("plan-service", "Procedure", "patient=" + e.patientId());
        assertThat(sessions.getInt("total")).isEqualTo(3);
        assertThat(sessions.getList("entry.collect { it.resource.basedOn[0].reference }")).containsOnly("CarePlan/" + e.planId());
        assertThat(search(clinician, "plan-service", "Procedure",
                "patient=" + e.patientId() + "&date=ge" + e.planStart().plusDays(2)).getInt("total")).isEqualTo(2);

        JsonPath measures = searchAndReadEach("outcome-service", "Observation", "patient=" + e.patientId());
        assertThat(measures.<String>getList("entry.collect { it.resource.code.coding[0].code }"))
                .containsExactlyInAnyOrder("72514-3", "97909-6", "psfs-mean");
        LocalDate measured = e.planStart().plusDays(7);
        assertThat(search(clinician, "outcome-service", "Observation", "patient=" + e.patientId() + "&date=lt" + measured)
                .getInt("total")).isZero();
        assertThat(search(clinician, "outcome-service", "Observation", "patient=" + e.patientId() + "&date=ge" + measured
                + "&date=le" + measured + "&code=72514-3,psfs-mean").getInt("total")).isEqualTo(2);
        JsonPath orders = searchAndReadEach("outcome-service", "ServiceRequest", "patient=" + e.patientId());
        assertThat(orders.<String>getList("entry.resource.code.coding.code.flatten()"))
                .contains("394451000119106", "IMAGING", "URGENT_MEDICAL_REFERRAL");
        assertThat(orders.getList("entry.collect { it.resource.reasonCode[0].coding[0].code }")).doesNotContainNull();
        JsonPath tasks = searchAndReadEach("outcome-service", "Task", "patient=" + e.patientId());
        assertThat(tasks.getList("entry.collect { it.resource.code.coding[0].code }")).contains("PLAN_REVISION");
        assertThat(tasks.getList("entry.resource.note.text").toString()).contains("ESC-SESSION-FLARE");
    }

    private void aPartnerReadsWithHapisGenericClient(Episode e) {
        IGenericClient client = FhirValidation.CONTEXT.newRestfulGenericClient(fhirBase("patient-service"));
        client.registerInterceptor(new BearerTokenAuthInterceptor(clinician));
        Bundle bundle = client.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(e.patientId()))
                .and(Observation.CODE.exactly().systemAndCode("http://loinc.org", "91352-5"))
                .returnBundle(Bundle.class).execute();
        assertThat(bundle.getEntry()).singleElement().satisfies(entry -> assertThat(
                ((Observation) entry.getResource()).getValueCodeableConcept().getCodingFirstRep().getCode())
                .isIn("LA9194-7", "LA8982-6", "LA9193-9"));
    }

    private void searchesPageWithBundleLinks(Episode e) {
        String url = fhirBase("patient-service") + "/Observation?patient=" + e.patientId() + "&_count=3";
        List<String> ids = new ArrayList<>();
        int total = -1;
        while (url != null) {
            JsonPath page = JsonPath.from(read(clinician, url));
            total = page.getInt("total");
            assertThat(page.getList("entry")).hasSizeLessThanOrEqualTo(3);
            ids.addAll(page.getList("entry.resource.id"));
            url = page.getString("link.find { it.relation == 'next' }.url");
        }
        assertThat(ids).hasSize(total).doesNotHaveDuplicates().hasSize(8);
        JsonPath beyond = search(clinician, "patient-service", "Observation", "patient=" + e.patientId() + "&_offset="
                + Integer.MAX_VALUE);
        assertThat(beyond.getInt("total")).isEqualTo(8);
        assertThat(beyond.getList("entry")).isNullOrEmpty();
        assertThat(beyond.getString("link.find { it.relation == 'previous' }.url")).contains("_offset=0");
    }

    private void fhirKeepsTheRestApisTenancyAndAuditsReads(Episode e, Episode other) {
        String elsewhere = TestTokens.clinician("dr.elsewhere", "clinic-elsewhere");
        String sessionId = search(clinician, "plan-service", "Procedure", "patient=" + e.patientId())
                .getString("entry[0].resource.id");
        String measureId = search(clinician, "outcome-service", "Observation", "patient=" + e.patientId())
                .getString("entry[0].resource.id");
        List<String> hidden = List.of(
                fhirBase("patient-service") + "/Patient/" + e.patientId(),
                fhirBase("patient-service") + "/Condition?patient=" + e.patientId(),
                fhirBase("patient-service") + "/Flag?patient=" + e.patientId(),
                fhirBase("plan-service") + "/CarePlan/" + e.planId(),
                fhirBase("plan-service") + "/Procedure/" + sessionId,
                fhirBase("outcome-service") + "/Observation/" + measureId,
                fhirBase("outcome-service") + "/ServiceRequest?patient=" + e.patientId());
        for (String url : hidden) {
            Response refused = given().auth().oauth2(elsewhere).get(url);
            assertThat(refused.statusCode()).as(url).isEqualTo(404);
            assertThat(refused.contentType()).startsWith(FHIR_JSON);
            assertValid(refused.asString());
            assertThat(refused.asString()).as("a refusal names no record").contains("No such resource.")
                    .doesNotContain(e.patientId()).doesNotContain(e.planId());
        }

        String self = TestTokens.patient(e.login());
        assertThat(search(self, "outcome-service", "Observation", "patient=" + e.patientId()).getInt("total")).isEqualTo(3);
        assertThat(search(self, "plan-service", "CarePlan", "patient=" + e.patientId()).getInt("total")).isEqualTo(1);
        given().auth().oauth2(self).get(fhirBase("patient-service") + "/Patient/" + other.patientId())
                .then().statusCode(404);
        given().auth().oauth2(self).get(fhirBase("outcome-service") + "/ServiceRequest?patient=" + e.patientId())
                .then().statusCode(403);
        given().get(fhirBase("patient-service") + "/Patient/" + e.patientId()).then().statusCode(401);
        for (String[] bad : List.of(new String[] {"subject:missing=true", "subject:missing"},
                new String[] {"_count=0", "_count"}, new String[] {"_count=1e3", "_count"},
                new String[] {"date=yesterday", "date"}, new String[] {"date=sa2026-01-01", "date"},
                new String[] {"_format=xml", "_format"})) {
            Response refused = given().auth().oauth2(clinician).get(fhirBase("patient-service") + "/Observation?patient="
                    + e.patientId() + "&" + bad[0]);
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(refused.contentType()).startsWith(FHIR_JSON);
            assertValid(refused.asString());
            assertThat(JsonPath.from(refused.asString()).getList("issue.expression.flatten()")).as(bad[0]).contains(bad[1]);
        }
        given().auth().oauth2(clinician).get(fhirBase("plan-service") + "/CarePlan").then().statusCode(400);
        given().auth().oauth2(clinician).get(fhirBase("outcome-service") + "/Task?patient=Patient/"
                + e.patientId().toUpperCase()).then().statusCode(400);
        given().auth().oauth2(clinician).get(fhirBase("patient-service") + "/Condition/" + UUID.randomUUID() + "-M51.16")
                .then().statusCode(404);

        String audited = "SELECT count(*) FROM audit_entry WHERE patient_id = ?::uuid AND actor = ?";
        for (String[] read : List.of(new String[] {"patient", "patient-service", "Observation"},
                new String[] {"plan", "plan-service", "Procedure"}, new String[] {"outcome", "outcome-service", "Task"})) {
            long before = Databases.count(read[0], audited, e.patientId(), "dr.ehr");
            search(clinician, read[1], read[2], "patient=" + e.patientId());
            assertThat(Databases.count(read[0], audited, e.patientId(), "dr.ehr")).as(read[2]).isEqualTo(before + 1);
        }
    }

    private void patientViewShowsOneCardPerOpenEscalation(Episode e, Map<String, String> escalations) {
        JsonPath discovery = given().get(system.baseUrl("outcome-service") + "/cds-services").then().statusCode(200)
                .extract().jsonPath();
        assertThat(discovery.getList("services")).singleElement().satisfies(service -> {
            Map<?, ?> fields = (Map<?, ?>) service;
            assertThat(fields.get("hook")).isEqualTo("patient-view");
            assertThat(fields.get("id")).isEqualTo("backtrack-escalations");
            assertThat((String) fields.get("description")).isNotBlank();
        });

        List<Map<String, Object>> cards = cards(e);
        assertThat(cards).extracting(card -> card.get("uuid")).containsExactlyInAnyOrderElementsOf(openEscalations(e));
        for (Map<String, Object> card : cards) {
            assertThat((String) card.get("summary")).isNotBlank().hasSizeLessThanOrEqualTo(140);
            assertThat(INDICATORS).contains((String) card.get("indicator"));
            assertThat((String) ((Map<?, ?>) card.get("source")).get("label")).isNotBlank();
            assertThat((String) card.get("detail")).contains("**Rule**", "**Evidence**", "**Guideline:**");
            List<?> suggestions = (List<?>) card.get("suggestions");
            if (suggestions != null) {
                assertThat(card.get("selectionBehavior")).isEqualTo("at-most-one");
                suggestions.forEach(s -> assertThat((String) ((Map<?, ?>) s).get("label")).isNotBlank());
            }
        }
        assertThat(card(cards, escalations.get("URGENT_MEDICAL_REFERRAL")).get("indicator")).isEqualTo("warning");
        assertThat(card(cards, escalations.get("PLAN_REVISION")).get("indicator")).isEqualTo("info");
        assertThat((String) card(cards, escalations.get("PLAN_REVISION")).get("detail")).contains("ESC-SESSION-FLARE");

        hook(clinician, "{\"hook\":\"order-select\",\"hookInstance\":\"" + UUID.randomUUID()
                + "\",\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"" + e.patientId() + "\"}}")
                .then().statusCode(422);
        hook(clinician, "{\"hook\":\"patient-view\",\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\""
                + e.patientId() + "\"}}").then().statusCode(400);
        hook(clinician, "{\"hook\":\"patient-view\",\"hookInstance\":\"" + UUID.randomUUID()
                + "\",\"context\":{\"patientId\":\"" + e.patientId() + "\"}}").then().statusCode(400);
        for (String notAnObject : List.of("\"prefetch\":[]", "\"prefetch\":\"Patient/1\"", "\"fhirAuthorization\":\"token\"",
                "\"extension\":7")) {
            String field = notAnObject.substring(1, notAnObject.indexOf('"', 1));
            hook(clinician, patientView(e).replace("\"context\"", notAnObject + ",\"context\"")).then().statusCode(400)
                    .body("violations[0].field", equalTo(field));
        }
        hook(clinician, patientView(e).replace("\"context\"", "\"prefetch\":{\"patient\":null},\"context\""))
                .then().statusCode(200);
        assertThat(hook(TestTokens.clinician("dr.elsewhere", "clinic-elsewhere"), patientView(e)).then().statusCode(200)
                .extract().<List<?>>path("cards")).as("another clinic's patient: no cards, nothing disclosed").isEmpty();
        assertThat(hook(clinician, """
                {"hook":"patient-view","hookInstance":"%s","context":{"userId":"Practitioner/dr-ehr","patientId":"ehr-4711"}}"""
                .formatted(UUID.randomUUID())).then().statusCode(200).extract().<List<?>>path("cards"))
                .as("a chart of a patient BackTrack does not know").isEmpty();
        hook(TestTokens.patient(e.login()), patientView(e)).then().statusCode(403);
    }

    private void feedbackMovesTheEscalationsOnRestAndTopic(Episode e, Map<String, String> escalations) {
        String imaging = escalations.get("IMAGING");
        String revision = escalations.get("PLAN_REVISION");
        feedback(clinician, "{\"card\":\"" + imaging + "\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"" + Instant.now()
                + "\"}").then().statusCode(422);
        feedback(clinician, "{\"card\":\"" + imaging + "\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\""
                + imaging + "-acknowledge\"}]}").then().statusCode(400);
        feedback(clinician, """
                {"card":"%s","outcome":"accepted","acceptedSuggestions":[{"id":"%s-acknowledge"}],"outcomeTimestamp":"%s"}"""
                .formatted(imaging, imaging, Instant.now())).then().statusCode(200);
        feedback(clinician, """
                {"card":"%s","outcome":"overridden","overrideReason":{"reason":{"code":"patient-declined",
                 "system":"https://backtrack.health/fhir/CodeSystem/cds-override-reason","display":"The patient declined"},
                 "userComment":"Prefers to keep the current programme"},"outcomeTimestamp":"%s"}"""
                .formatted(revision, Instant.now())).then().statusCode(200);

        JsonPath acknowledged = escalation(imaging);
        assertThat(acknowledged.getString("status")).isEqualTo("ACKNOWLEDGED");
        feedback(clinician, """
                {"card":"%s","outcome":"overridden","overrideReason":{"userComment":"Dismissed"},"outcomeTimestamp":"%s"}"""
                .formatted(imaging, Instant.now())).then().statusCode(409);
        assertThat(escalation(imaging).getString("status")).as("a card that only informs declines nothing")
                .isEqualTo("ACKNOWLEDGED");
        JsonPath declined = escalation(revision);
        assertThat(declined.getString("status")).isEqualTo("DECLINED");
        assertThat(declined.getString("declineReason")).isEqualTo("The patient declined: Prefers to keep the current programme");
        feedback(clinician, """
                {"card":"%s","outcome":"accepted","acceptedSuggestions":[{"id":"%s-acknowledge"}],"outcomeTimestamp":"%s"}"""
                .formatted(revision, revision, Instant.now())).then().statusCode(409);

        String referral = escalations.get("URGENT_MEDICAL_REFERRAL");
        List<Integer> statuses = twoCliniciansAnswerTheSameCardAtOnce(referral);
        assertThat(statuses).as("accept and override of one card at once").containsExactlyInAnyOrder(200, 409);
        String referralStatus = escalation(referral).getString("status");
        assertThat(referralStatus).isIn("ACKNOWLEDGED", "DECLINED");

        JsonPath task = JsonPath.from(read(clinician, fhirBase("outcome-service") + "/Task/" + revision));
        assertThat(task.getString("status")).isEqualTo("cancelled");
        assertThat(task.getString("businessStatus.coding[0].code")).isEqualTo("DECLINED");
        assertThat(task.getString("statusReason.text")).isEqualTo("The patient declined: Prefers to keep the current programme");
        JsonPath order = JsonPath.from(read(clinician, fhirBase("outcome-service") + "/ServiceRequest/" + imaging));
        assertThat(order.getString("intent")).isEqualTo("proposal");
        assertThat(order.getString("status")).isEqualTo("active");

        List<Map<String, Object>> after = cards(e);
        assertThat(after).extracting(card -> card.get("uuid")).doesNotContain(revision).contains(imaging);
        assertThat(card(after, imaging).get("suggestions")).as("an acknowledged escalation only informs").isNull();

        await().atMost(Duration.ofSeconds(60)).until(() -> Databases.count("outcome",
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        List<ConsumerRecord<String, String>> records = TopicProbe.readToEnd(Topic.OUTCOME.topicName());
        List<String> updates = records.stream()
                .filter(r -> e.patientId().equals(r.key())
                        && "backtrack.outcome.escalation-updated.v1".equals(TopicProbe.header(r, "ce_type")))
                .map(r -> JsonPath.from(r.value()))
                .map(json -> json.getString("escalationId") + " " + json.getString("previousStatus") + "->"
                        + json.getString("status"))
                .toList();
        assertThat(updates).containsExactlyInAnyOrder(imaging + " RECOMMENDED->ACKNOWLEDGED", revision + " RECOMMENDED->DECLINED",
                referral + " RECOMMENDED->" + referralStatus);
        assertThat(Databases.count("outcome", "SELECT count(*) FROM audit_entry WHERE action = 'TRANSITION' AND actor = ? "
                + "AND resource_id = ?", "dr.ehr", revision)).isEqualTo(1);
    }

    /** One clinician accepts the card while another overrides it, both released by one barrier. */
    private List<Integer> twoCliniciansAnswerTheSameCardAtOnce(String escalationId) {
        List<String> answers = List.of("""
                {"card":"%s","outcome":"accepted","acceptedSuggestions":[{"id":"%s-acknowledge"}],"outcomeTimestamp":"%s"}"""
                .formatted(escalationId, escalationId, Instant.now()), """
                {"card":"%s","outcome":"overridden","overrideReason":{"userComment":"Seen by the GP today"},
                 "outcomeTimestamp":"%s"}""".formatted(escalationId, Instant.now()));
        CyclicBarrier start = new CyclicBarrier(answers.size());
        ExecutorService pool = Executors.newFixedThreadPool(answers.size());
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                String token = TestTokens.clinician("dr.ehr-" + i, CLINIC);
                String answer = answers.get(i);
                sent.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return feedback(token, answer).statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : sent) {
                statuses.add(status.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } catch (Exception ex) {
            throw new AssertionError(ex);
        } finally {
            pool.shutdownNow();
        }
    }

    private Episode radicularEpisodeWithAFlareAndARedFlag() {
        String login = "ehr-" + UUID.randomUUID();
        String patientId = register("Radicular", login);
        LocalDate today = system.today();
        String intakeId = given().auth().oauth2(clinician).contentType(ContentType.JSON).body("""
                {"intakeDate":"%s","onsetDate":"%s","trigger":"NONE","history":{"previousEpisodes":1},
                 "symptoms":["PAIN_RADIATING_DOWN_LEG"],"conditions":["M51.16"],"redFlagScreen":{%s},
                 "startBack":{"legPain":true,"shoulderOrNeckPain":false,"walkedOnlyShortDistances":false,
                   "dressedMoreSlowly":false,"activityNotSafe":false,"worryingThoughts":true,
                   "painTerribleNeverImprove":false,"stoppedEnjoyingThings":false,"bothersomeness":"MODERATELY"},
                 "odi":%s,"painNrs":7,"psfs":[{"activity":"Sitting at work","score":4}],"motorDeficit":false}"""
                .formatted(today.minusDays(10), today.minusDays(40), ClinicRequests.redFlagScreen(null), odi(2)))
                .post(system.patients + "/patients/" + patientId + "/intakes").then().statusCode(201).extract().path("id");
        system.awaitIntakeApplied(clinician, patientId, intakeId);
        LocalDate start = today.minusDays(7);
        String planId = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body(ClinicRequests.plan(intakeId, start, false))
                .post(system.plans + "/patients/" + patientId + "/plans").then().statusCode(201).extract().path("id");
        session(planId, start.plusDays(1), 4, 4, "");
        session(planId, start.plusDays(2), 3, 8, "");
        session(planId, start.plusDays(3), 4, 4, ",\"reportedRedFlags\":[\"PROGRESSIVE_MOTOR_WEAKNESS\"]");
        String measures = system.outcomes + "/patients/" + patientId + "/measures";
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(clinician)
                .get(system.outcomes + "/patients/" + patientId + "/progress").statusCode() == 200);
        for (String body : List.of("\"type\":\"PAIN_NRS\",\"painNrs\":6", "\"type\":\"ODI\",\"odi\":" + odi(2),
                "\"type\":\"PSFS\",\"psfs\":[{\"activity\":\"Sitting at work\",\"score\":5}]")) {
            given().auth().oauth2(clinician).contentType(ContentType.JSON)
                    .body("{" + body + ",\"effectiveDate\":\"" + today + "\"}").post(measures).then().statusCode(201);
        }
        return new Episode(patientId, login, planId, start);
    }

    private Episode emergencyAtIntake() {
        String login = "ehr-" + UUID.randomUUID();
        String patientId = register("Emergency", login);
        given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body(ClinicRequests.intake(system.today().minusDays(3), "M54.50", true))
                .post(system.patients + "/patients/" + patientId + "/intakes").then().statusCode(201);
        return new Episode(patientId, login, null, null);
    }

    private String register(String familyName, String login) {
        return given().auth().oauth2(clinician).contentType(ContentType.JSON).body("""
                {"givenName":"Ehr","familyName":"%s","birthDate":"1969-05-06","sex":"FEMALE",
                 "contact":{"email":"ehr@example.org"},"loginSubject":"%s"}""".formatted(familyName, login))
                .post(system.patients + "/patients").then().statusCode(201).extract().path("id");
    }

    private void session(String planId, LocalDate day, int painBefore, int painAfter, String extra) {
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body("""
                {"performedAt":"%sT18:00:00Z","exercisesDone":["SC-01","CS-01","CS-04","ED-01"],
                 "painBefore":%d,"painAfter":%d%s}""".formatted(day, painBefore, painAfter, extra))
                .post(system.plans + "/plans/" + planId + "/sessions").then().statusCode(201);
    }

    /** Type to id of the patient's escalations, once every type expected is there. */
    private Map<String, String> awaitEscalations(Episode e, Set<String> expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> escalationsOf(e).keySet().containsAll(expected));
        return escalationsOf(e);
    }

    private Map<String, String> escalationsOf(Episode e) {
        List<Map<String, Object>> found = given().auth().oauth2(clinician)
                .get(system.outcomes + "/escalations?patientId=" + e.patientId()).then().statusCode(200)
                .extract().path("$");
        return found.stream().collect(Collectors.toMap(x -> (String) x.get("type"), x -> (String) x.get("id")));
    }

    private List<String> openEscalations(Episode e) {
        List<Map<String, Object>> found = given().auth().oauth2(clinician)
                .get(system.outcomes + "/escalations?patientId=" + e.patientId()).then().statusCode(200)
                .extract().path("$");
        return found.stream().filter(x -> !Set.of("DECLINED", "COMPLETED").contains(x.get("status")))
                .map(x -> (String) x.get("id")).toList();
    }

    private JsonPath escalation(String id) {
        return given().auth().oauth2(clinician).get(system.outcomes + "/escalations/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private List<Map<String, Object>> cards(Episode e) {
        return hook(clinician, patientView(e)).then().statusCode(200).extract().path("cards");
    }

    private static Map<String, Object> card(List<Map<String, Object>> cards, String escalationId) {
        return cards.stream().filter(c -> escalationId.equals(c.get("uuid"))).findFirst().orElseThrow();
    }

    private static String patientView(Episode e) {
        return """
                {"hook":"patient-view","hookInstance":"%s","fhirServer":"https://ehr.example.org/fhir",
                 "context":{"userId":"Practitioner/dr-ehr","patientId":"%s"}}""".formatted(UUID.randomUUID(), e.patientId());
    }

    private Response hook(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(system.baseUrl("outcome-service") + "/cds-services/backtrack-escalations");
    }

    private Response feedback(String token, String item) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"feedback\":[" + item + "]}")
                .post(system.baseUrl("outcome-service") + "/cds-services/backtrack-escalations/feedback");
    }

    /** Searches, validates the Bundle, then reads every entry by id and validates it too. */
    private JsonPath searchAndReadEach(String service, String type, String query) {
        JsonPath bundle = search(clinician, service, type, query);
        assertThat(bundle.getList("entry")).as(type + " of " + query).isNotEmpty();
        for (String id : bundle.<String>getList("entry.resource.id")) {
            JsonPath resource = JsonPath.from(read(clinician, fhirBase(service) + "/" + type + "/" + id));
            assertThat(resource.getString("id")).isEqualTo(id);
        }
        return bundle;
    }

    private JsonPath search(String token, String service, String type, String query) {
        return JsonPath.from(read(token, fhirBase(service) + "/" + type + "?" + query));
    }

    /** GETs a FHIR resource, which must be FHIR JSON without a validation error. */
    private static String read(String token, String url) {
        String json = given().auth().oauth2(token).accept(FHIR_JSON).get(url).then().statusCode(200)
                .contentType(startsWith(FHIR_JSON)).extract().asString();
        assertValid(json);
        return json;
    }

    private static void assertValid(String json) {
        assertThat(FhirValidation.errors(json)).as(json).isEmpty();
    }

    private static String fhirBase(String service) {
        return system.baseUrl(service) + "/fhir/r4";
    }

    private static String odi(int each) {
        return ("{\"painIntensity\":%1$d,\"personalCare\":%1$d,\"lifting\":%1$d,\"walking\":%1$d,\"sitting\":%1$d,"
                + "\"standing\":%1$d,\"sleeping\":%1$d,\"sexLife\":%1$d,\"socialLife\":%1$d,\"travelling\":%1$d}")
                .formatted(each);
    }
}
