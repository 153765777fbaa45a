package io.backtrack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backtrack.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What a second plan-service replica on the same database changes: session logging at saturation
 * against one process and against both (requests alternating, once the new JVM has been warmed up
 * alone), and whether the audit chains both processes appended to still verify.
 */
final class Replicas {

    /** The two saturation runs and the audit verification after them. */
    record Figures(Load.Result one, Load.Result two, boolean auditIntact, String auditProblem) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replicas() {
    }

    @FunctionalInterface
    interface Saturation {
        Load.Result run(String what, LongFunction<HttpRequest> requests) throws InterruptedException;
    }

    static Figures run(BenchSystem system, Clinic clinic, List<Clinic.Patient> patients, Saturation saturate)
            throws Exception {
        String first = system.api("plan-service");
        Load.Result one = saturate.run("session logging, one plan-service",
                i -> clinic.sessionVia(first, patients.get((int) (i % patients.size()))));
        String second = system.startReplica("plan-service");
        saturate.run("warming the new replica up (not reported)",
                i -> clinic.sessionVia(second, patients.get((int) (i % patients.size()))));
        Load.Result two = saturate.run("session logging, two plan-service replicas",
                i -> clinic.sessionVia(i % 2 == 0 ? first : second, patients.get((int) (i % patients.size()))));
        JsonNode verdict = verification(first);
        return new Figures(one, two, verdict.path("intact").asBoolean(), verdict.path("problem").asText(""));
    }

    private static JsonNode verification(String api) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/admin/audit/verification"))
                .header("Authorization", "Bearer " + TestTokens.admin()).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("audit verification: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
