package io.backtrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.backtrack.testing.StartBarrier;
import io.backtrack.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * One patient's burst of requests, as front-ends, phones and two clinicians send them: intakes (some
 * with an emergency red flag or a condition that contraindicates manipulation), plans, revisions,
 * status changes, retried sessions and measures; then conflicting escalation decisions, released
 * together with a clinician clearing the red flag and another resuming the held plan. The choice of
 * requests, their order and their jitter come from the seed; they are released together against the
 * real services. Afterwards it lists every invariant the outcome breaks.
 */
final class Interleaving {

    static final String CLINIC = "clinic-interleavings";
    private static final List<String> TRANSITIONS = List.of("acknowledge", "order", "decline", "complete");

    /** A request of the burst and what it was answered. */
    record Sent(String what, int status, String id) {
    }

    /** The escalation decisions that were answered 200, for the event count checked at the end of the suite. */
    record Decisions(String escalationId, int succeeded) {
    }

    private final BackTrackSystem system;
    private final long seed;
    private final Random random;
    private final String clinician = TestTokens.clinician(CLINIC);
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<String> broken = new ArrayList<>();
    private Decisions decisions;

    Interleaving(BackTrackSystem system, long seed) {
        this.system = system;
        this.seed = seed;
        this.random = new Random(seed);
    }

    long seed() {
        return seed;
    }

    Decisions decisions() {
        return decisions;
    }

    /** Runs the burst and returns the broken invariants, each naming the seed. */
    List<String> run() {
        LocalDate today = system.today();
        String patientId = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Inter\",\"familyName\":\"Leaving\",\"birthDate\":\"1970-01-01\",\"sex\":\"OTHER\"}")
                .post(system.patients + "/patients").then().statusCode(201).extract().path("id");
        String firstIntake = intake(patientId, today, "M54.50", false).then().statusCode(201).extract().path("id");
        String currentPlan = null;
        if (random.nextBoolean()) {
            system.awaitIntakeApplied(clinician, patientId, firstIntake);
            currentPlan = plan(patientId, today, random.nextInt(3) == 0, firstIntake).then().statusCode(201)
                    .extract().path("id");
        }

        List<Callable<Sent>> burst = burst(patientId, today, firstIntake, currentPlan);
        Collections.shuffle(burst, random);
        StartBarrier.together(burst);

        settle(patientId, firstIntake);
        decideEscalations(patientId, currentPlan);
        check(patientId);
        return broken.stream().map(b -> "seed " + seed + ": " + b).toList();
    }

    private List<Callable<Sent>> burst(String patientId, LocalDate today, String firstIntake, String currentPlan) {
        List<Callable<Sent>> calls = new ArrayList<>();
        if (random.nextInt(10) < 7) {
            boolean redFlag = random.nextInt(10) < 4;
            String condition = random.nextInt(10) < 4 ? "M43.16" : "M54.50";
            calls.add(jittered("intake " + condition + (redFlag ? " saddle numbness" : ""),
                    () -> intake(patientId, today, condition, redFlag)));
        }
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            boolean manipulation = random.nextInt(10) < 4;
            String basedOn = random.nextBoolean() ? firstIntake : null;
            calls.add(jittered("plan" + (manipulation ? " with manipulation" : ""),
                    () -> plan(patientId, today, manipulation, basedOn)));
        }
        if (currentPlan != null) {
            String planId = currentPlan;
            if (random.nextBoolean()) {
                boolean manipulation = random.nextInt(10) < 4;
                calls.add(jittered("revision" + (manipulation ? " with manipulation" : ""),
                        () -> post(system.plans + "/plans/" + planId + "/revisions", planBody(today, manipulation, null))));
            }
            if (random.nextBoolean()) {
                String status = random.nextBoolean() ? "ON_HOLD" : "ACTIVE";
                calls.add(jittered("status " + status, () -> post(system.plans + "/plans/" + planId + "/status",
                        "{\"status\":\"" + status + "\",\"reason\":\"clinician decision\"}")));
            }
            String sessionKey = "session-" + seed;
            String session = sessionBody();
            for (int i = 2 + random.nextInt(2); i > 0; i--) {
                calls.add(jittered("session " + sessionKey, () -> keyed(system.plans + "/plans/" + planId + "/sessions",
                        sessionKey, session)));
            }
        }
        String measureKey = "measure-" + seed;
        String pain = "{\"type\":\"PAIN_NRS\",\"effectiveDate\":\"" + today + "\",\"painNrs\":5}";
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
            calls.add(jittered("measure " + measureKey, () -> keyed(system.outcomes + "/patients/" + patientId
                    + "/measures", measureKey, pain)));
        }
        if (random.nextInt(10) < 3) {
            String other = "{\"type\":\"PAIN_NRS\",\"effectiveDate\":\"" + today + "\",\"painNrs\":8}";
            calls.add(jittered("measure " + measureKey + " other body", () -> keyed(system.outcomes + "/patients/"
                    + patientId + "/measures", measureKey, other)));
        }
        return calls;
    }

    /** Waits until plan-service has applied the intakes accepted, and outcome-service has the red flag. */
    private void settle(String patientId, String firstIntake) {
        system.awaitIntakeApplied(clinician, patientId, firstIntake);
        sent.stream().filter(s -> s.what().startsWith("intake") && s.status() == 201).findFirst()
                .ifPresent(intake -> system.awaitIntakeApplied(clinician, patientId, intake.id()));
        if (sent.stream().anyMatch(s -> s.what().contains("saddle numbness") && s.status() == 201)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !escalationIds(patientId).isEmpty());
        }
    }

    /**
     * Two or three clinicians decide the emergency referral at once, each picking a transition; at the
     * same moment another clears the red flag and another resumes the held plan.
     */
    private void decideEscalations(String patientId, String currentPlan) {
        List<String> ids = escalationIds(patientId);
        if (ids.isEmpty()) {
            return;
        }
        String id = ids.get(0);
        if (random.nextBoolean()) {
            record("acknowledge", post(system.outcomes + "/escalations/" + id + "/acknowledge", "{}"));
        }
        List<Callable<Sent>> clicks = new ArrayList<>();
        List<String> openFlags = given().auth().oauth2(clinician).get(system.patients + "/patients/" + patientId
                + "/red-flags").then().statusCode(200).extract().jsonPath().getList("findAll { it.open }.id");
        if (!openFlags.isEmpty() && random.nextBoolean()) {
            clicks.add(() -> record("clear red flag", post(system.patients + "/patients/" + patientId + "/red-flags/"
                    + openFlags.get(0) + "/clear", "{\"reason\":\"GP found no cauda equina\"}")));
        }
        if (currentPlan != null && random.nextBoolean()) {
            clicks.add(() -> record("resume", post(system.plans + "/plans/" + currentPlan + "/status",
                    "{\"status\":\"ACTIVE\",\"reason\":\"resume after review\"}")));
        }
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
            String step = TRANSITIONS.get(random.nextInt(TRANSITIONS.size()));
            clicks.add(() -> record("escalation " + step, post(system.outcomes + "/escalations/" + id + "/" + step,
                    "{\"reason\":\"decided at the same moment\"}")));
        }
        StartBarrier.together(clicks);
        int succeeded = (int) sent.stream().filter(s -> (s.what().startsWith("escalation") || s.what().equals("acknowledge"))
                && s.status() == 200).count();
        decisions = new Decisions(id, succeeded);
        long transitions = Databases.count("outcome", "SELECT count(*) FROM escalation_transition "
                + "WHERE escalation_id = ?::uuid AND from_status IS NOT NULL", id);
        if (transitions != succeeded) {
            broken.add("escalation " + id + " has " + transitions + " transitions for " + succeeded + " decisions answered 200");
        }
        List<String> chain = Databases.column("outcome", "SELECT from_status || '>' || to_status FROM "
                + "escalation_transition WHERE escalation_id = ?::uuid AND from_status IS NOT NULL ORDER BY occurred_at, id", id);
        for (int i = 1; i < chain.size(); i++) {
            String previousTarget = chain.get(i - 1).substring(chain.get(i - 1).indexOf('>') + 1);
            if (!chain.get(i).startsWith(previousTarget + ">")) {
                broken.add("escalation " + id + " transitions do not chain: " + chain);
            }
        }
    }

    private void check(String patientId) {
        sent.stream().filter(s -> s.status() >= 500)
                .forEach(s -> broken.add(s.what() + " answered " + s.status()));

        var profile = given().auth().oauth2(clinician).get(system.plans + "/patients/" + patientId + "/clinical-profile")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> plans = given().auth().oauth2(clinician)
                .get(system.plans + "/patients/" + patientId + "/plans").then().statusCode(200).extract().jsonPath()
                .getList("$");
        List<Map<String, Object>> current = plans.stream()
                .filter(p -> "ACTIVE".equals(p.get("status")) || "ON_HOLD".equals(p.get("status"))).toList();
        if (current.size() > 1) {
            broken.add(current.size() + " current plans");
        }
        List<Object> openFlags = profile.getList("openRedFlags");
        List<String> conditions = profile.getList("conditions");
        for (Map<String, Object> plan : plans) {
            if (!"ACTIVE".equals(plan.get("status"))) {
                continue;
            }
            if (!openFlags.isEmpty()) {
                broken.add("plan " + plan.get("id") + " is ACTIVE with open red flags " + openFlags);
            }
            boolean manipulation = exercises(plan).contains("PM-09");
            boolean spondylolisthesis = conditions.stream().anyMatch(c -> c.startsWith("M43.1"));
            @SuppressWarnings("unchecked")
            List<String> overridden = (List<String>) plan.get("overriddenRules");
            if (manipulation && spondylolisthesis && !overridden.contains("PLAN-CONTRAINDICATED")) {
                broken.add("plan " + plan.get("id") + " is ACTIVE with manipulation for " + conditions);
            }
        }
        oneRecordPerKey("session", "plan", "SELECT count(*) FROM session WHERE idempotency_key = ?", 201);
        oneRecordPerKey("measure", "outcome", "SELECT count(*) FROM measure WHERE idempotency_key = ?", 201);
    }

    @SuppressWarnings("unchecked")
    private static List<String> exercises(Map<String, Object> plan) {
        return ((List<Map<String, Object>>) plan.get("phases")).stream()
                .flatMap(phase -> ((List<Map<String, Object>>) phase.get("items")).stream())
                .map(item -> (String) item.get("exerciseCode"))
                .toList();
    }

    /** Every answer to one key names the same record; one 201 at most; one row stored. */
    private void oneRecordPerKey(String kind, String database, String countSql, int created) {
        String key = kind + "-" + seed;
        List<Sent> answers = sent.stream().filter(s -> s.what().startsWith(kind + " " + key)).toList();
        if (answers.isEmpty()) {
            return;
        }
        long stored = Databases.count(database, countSql, key);
        if (stored > 1) {
            broken.add(stored + " " + kind + "s stored under key " + key);
        }
        List<Sent> succeeded = answers.stream().filter(s -> s.status() == 200 || s.status() == created).toList();
        if (succeeded.stream().filter(s -> s.status() == created).count() > 1) {
            broken.add("several " + created + " answers for " + kind + " key " + key);
        }
        if (succeeded.stream().map(Sent::id).distinct().count() > 1) {
            broken.add("different " + kind + "s answered for key " + key + ": " + succeeded);
        }
        if (!succeeded.isEmpty() && stored == 0) {
            broken.add(kind + " key " + key + " answered " + succeeded + " but nothing is stored");
        }
        answers.stream().filter(s -> s.what().endsWith("other body") && s.status() == 200)
                .forEach(s -> broken.add(kind + " with another body under key " + key + " got the first record"));
    }

    private List<String> escalationIds(String patientId) {
        return given().auth().oauth2(clinician).queryParam("patientId", patientId)
                .get(system.outcomes + "/escalations").then().statusCode(200).extract().jsonPath().getList("id");
    }

    private Callable<Sent> jittered(String what, Callable<Response> call) {
        int jitterMillis = random.nextInt(25);
        return () -> {
            Thread.sleep(jitterMillis);
            return record(what, call.call());
        };
    }

    private Sent record(String what, Response response) {
        String id = response.statusCode() < 300 ? response.jsonPath().getString("id") : null;
        Sent answer = new Sent(what, response.statusCode(), id);
        sent.add(answer);
        return answer;
    }

    private Response intake(String patientId, LocalDate today, String condition, boolean saddleNumbness) {
        return post(system.patients + "/patients/" + patientId + "/intakes",
                ClinicRequests.intake(today.minusDays(30), condition, saddleNumbness));
    }

    private Response plan(String patientId, LocalDate today, boolean manipulation, String basedOnIntake) {
        return post(system.plans + "/patients/" + patientId + "/plans", planBody(today, manipulation, basedOnIntake));
    }

    private static String planBody(LocalDate today, boolean manipulation, String basedOnIntake) {
        return ClinicRequests.plan(basedOnIntake, today.minusDays(1), manipulation);
    }

    private String sessionBody() {
        Instant performed = system.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return "{\"performedAt\":\"" + performed + "\",\"exercisesDone\":[\"SC-01\",\"CS-01\"],"
                + "\"painBefore\":4,\"painAfter\":4}";
    }

    private Response keyed(String url, String key, String body) {
        return request().header("Idempotency-Key", key).body(body).post(url);
    }

    private Response post(String url, String body) {
        return request().body(body).post(url);
    }

    private RequestSpecification request() {
        return given().auth().oauth2(clinician).contentType(ContentType.JSON);
    }
}
