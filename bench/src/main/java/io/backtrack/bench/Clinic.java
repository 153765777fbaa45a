package io.backtrack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backtrack.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One clinic's requests, as its front-end sends them with a clinician's token: patients registered,
 * assessed and given an active plan, then sessions, intakes and progress reads against them.
 */
final class Clinic {

    static final String CLINIC = "clinic-bench";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SESSIONS_BUILT = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A seeded patient and the plan they follow. */
    record Patient(String id, String planId) {
    }

    private final BenchSystem system;
    private volatile String token;
    private volatile long tokenMintedAt;

    Clinic(BenchSystem system) {
        this.system = system;
    }

    /** A clinician's token, minted again every minute so that long runs never send an expired one. */
    String token() {
        if (token == null || System.nanoTime() - tokenMintedAt > Duration.ofMinutes(1).toNanos()) {
            token = TestTokens.clinician(CLINIC);
            tokenMintedAt = System.nanoTime();
        }
        return token;
    }

    List<Patient> seed(int patients) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Patient>> seeded = new ArrayList<>();
            for (int i = 0; i < patients; i++) {
                seeded.add(workers.submit(this::patientWithPlan));
            }
            List<Patient> all = new ArrayList<>();
            for (Future<Patient> patient : seeded) {
                all.add(patient.get());
            }
            return Collections.unmodifiableList(all);
        } finally {
            workers.shutdownNow();
        }
    }

    private Patient patientWithPlan() throws Exception {
        String patientId = created(post(system.api("patient-service") + "/patients", registration())).path("id").asText();
        String intakeId = created(post(system.api("patient-service") + "/patients/" + patientId + "/intakes", intake()))
                .path("id").asText();
        String plan = plan(intakeId);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = HTTP.send(post(system.api("plan-service") + "/patients/" + patientId
                    + "/plans", plan), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                return new Patient(patientId, JSON.readTree(response.body()).path("id").asText());
            }
            if (response.statusCode() != 409 || System.nanoTime() > deadline) {
                throw new IllegalStateException("plan for " + patientId + ": " + response.statusCode() + " "
                        + response.body());
            }
            Thread.sleep(100);
        }
    }

    HttpRequest session(Patient patient, boolean flare) {
        return sessionPost(sessionsOf(patient), sessionBody(flare));
    }

    /** A session sent to one given plan-service process (a replica's API base URL). */
    HttpRequest sessionVia(String planServiceApi, Patient patient) {
        return sessionPost(planServiceApi + "/plans/" + patient.planId() + "/sessions", sessionBody(false));
    }

    /** As a phone logs a session: with an Idempotency-Key of its own, so that a retry counts once. */
    private HttpRequest sessionPost(String url, String body) {
        return posting(url, body).header("Idempotency-Key", UUID.randomUUID().toString()).build();
    }

    String sessionsOf(Patient patient) {
        return system.api("plan-service") + "/plans/" + patient.planId() + "/sessions";
    }

    /**
     * A session done a second ago, a microsecond before the one built before it, so that no two are of
     * the same instant (a session at an instant already logged is refused as sent again); a flare
     * reports pain rising from 2 to 8.
     */
    static String sessionBody(boolean flare) {
        Instant performed = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1)
                .minus(SESSIONS_BUILT.incrementAndGet() % 1_000_000, ChronoUnit.MICROS);
        return "{\"performedAt\":\"" + performed + "\",\"exercisesDone\":[\"SC-01\",\"CS-01\"],"
                + (flare ? "\"painBefore\":2,\"painAfter\":8" : "\"painBefore\":4,\"painAfter\":4") + ",\"effort\":5}";
    }

    HttpRequest intakeFor(Patient patient) {
        return post(system.api("patient-service") + "/patients/" + patient.id() + "/intakes", intake());
    }

    HttpRequest progressOf(Patient patient) {
        return HttpRequest.newBuilder(URI.create(system.api("outcome-service") + "/patients/" + patient.id() + "/progress"))
                .header("Authorization", "Bearer " + token()).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private HttpRequest post(String url, String body) {
        return posting(url, body).build();
    }

    private HttpRequest.Builder posting(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static JsonNode created(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String registration() {
        return """
                {"givenName":"Bench","familyName":"Patient","birthDate":"1980-05-17","sex":"FEMALE",
                 "contact":{"email":"bench@example.org","phone":"+44 20 7946 0000"}}""";
    }

    private static String intake() {
        return """
                {"onsetDate":"%s","trigger":"NONE","painNrs":6,"motorDeficit":false,
                 "history":{"previousEpisodes":1,"dailyRoutine":"Desk work","activityLevel":"LIGHT",
                            "occupation":"Accountant","smoking":"NEVER"},
                 "symptoms":["MUSCLE_ACHE"],"conditions":["M54.50"],
                 "redFlagScreen":{"newBladderOrBowelDysfunction":false,"saddleNumbness":false,
                   "bilateralLegNeurologicalDeficit":false,"progressiveMotorWeakness":false,"fever":false,
                   "recentInfection":false,"immunosuppression":false,"intravenousDrugUse":false,
                   "historyOfCancer":false,"unexplainedWeightLoss":false,"majorTrauma":false,"minorTrauma":false,
                   "osteoporosis":false,"longTermCorticosteroids":false,"constantNightPain":false},
                 "startBack":{"legPain":false,"shoulderOrNeckPain":true,"walkedOnlyShortDistances":true,
                   "dressedMoreSlowly":false,"activityNotSafe":false,"worryingThoughts":true,
                   "painTerribleNeverImprove":false,"stoppedEnjoyingThings":false,"bothersomeness":"MODERATELY"},
                 "odi":{"painIntensity":2,"personalCare":2,"lifting":2,"walking":2,"sitting":2,"standing":2,
                   "sleeping":1,"sexLife":1,"socialLife":1,"travelling":1},
                 "psfs":[{"activity":"Put on socks","score":4}]}""".formatted(today().minusDays(10));
    }

    private static String plan(String intakeId) {
        return """
                {"intakeId":"%s","startDate":"%s","sessionsPerWeek":3,
                 "phases":[{"name":"Spine control","weeks":2,"items":[
                     {"exerciseCode":"SC-01","sets":3,"reps":10},{"exerciseCode":"CS-01","sets":3,"reps":10},
                     {"exerciseCode":"CS-04","sets":3,"reps":10},{"exerciseCode":"ED-01","sets":1,"reps":1}]},
                   {"name":"Loading","weeks":4,"items":[
                     {"exerciseCode":"SG-03","sets":3,"reps":10},{"exerciseCode":"SG-04","sets":3,"reps":10},
                     {"exerciseCode":"AE-01","sets":1,"reps":1}]}],
                 "painTriggers":["Sitting more than 30 minutes"],
                 "activityModifications":["Stand and walk every 30 minutes at work"],
                 "goals":["Walk 30 minutes without pain"]}""".formatted(intakeId, today());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
