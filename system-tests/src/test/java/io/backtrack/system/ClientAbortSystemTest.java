package io.backtrack.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backtrack.testing.TestTokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Phones that lose signal and load balancers that time out hang up while a write is in flight. Far
 * more aborted writes than any pool has connections, across the write endpoints of all three
 * services: afterwards every service answers and its database pool is back to idle.
 */
class ClientAbortSystemTest {

    private static final String CLINIC = "clinic-aborts";
    private static final int ABORTS_PER_ENDPOINT = Integer.getInteger("backtrack.aborts", 200);

    private static BackTrackSystem system;
    private final String clinician = TestTokens.clinician(CLINIC);

    @BeforeAll
    static void start() {
        system = BackTrackSystem.shared();
    }

    @Test
    void abortedWritesLeaveNoConnectionBehind() throws Exception {
        String patientId = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Abort\",\"familyName\":\"Ed\",\"birthDate\":\"1970-01-01\",\"sex\":\"OTHER\"}")
                .post(system.patients + "/patients").then().statusCode(201).extract().path("id");
        String register = "{\"givenName\":\"Hang\",\"familyName\":\"Up\",\"birthDate\":\"1970-01-01\",\"sex\":\"OTHER\"}";
        String measure = "{\"type\":\"PAIN_NRS\",\"effectiveDate\":\"" + system.today() + "\",\"painNrs\":5}";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(clinician)
                .get(system.outcomes + "/patients/" + patientId + "/progress").statusCode() == 200);
        String planId = plan(patientId);
        String session = "{\"performedAt\":\"" + system.now().minusSeconds(60) + "\",\"exercisesDone\":[\"SC-01\"],"
                + "\"painBefore\":4,\"painAfter\":4}";

        List<Runnable> aborts = new ArrayList<>();
        Random random = new Random(Long.getLong("backtrack.aborts.seed", 11L));
        for (int i = 0; i < ABORTS_PER_ENDPOINT; i++) {
            int afterMicros = random.nextInt(20_000);
            aborts.add(() -> abort(system.patients + "/patients", register, afterMicros));
            aborts.add(() -> abort(system.outcomes + "/patients/" + patientId + "/measures", measure, afterMicros));
            aborts.add(() -> abort(system.plans + "/plans/" + planId + "/sessions", session, afterMicros));
        }
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<?>> sent = new ArrayList<>();
        for (Runnable abort : aborts) {
            sent.add(clients.submit(abort));
        }
        for (Future<?> future : sent) {
            future.get(2, TimeUnit.MINUTES);
        }
        clients.shutdownNow();
        System.out.printf("Aborted %d in-flight writes%n", aborts.size());

        for (String api : List.of(system.patients, system.plans, system.outcomes)) {
            String base = api.substring(0, api.indexOf("/api/v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> given().get(base + "/q/health/ready").statusCode() == 200);
            await().atMost(Duration.ofSeconds(60)).until(() -> poolInUse(base) == 0);
            System.out.printf("%s: ready, no pooled connection in use%n", base);
        }
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(register)
                .post(system.patients + "/patients").then().statusCode(201);
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(measure)
                .post(system.outcomes + "/patients/" + patientId + "/measures").then().statusCode(201);
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body(session)
                .post(system.plans + "/plans/" + planId + "/sessions").then().statusCode(201);
    }

    /** Sends a whole authenticated POST, then resets the connection before the answer can come. */
    private void abort(String url, String body, int afterMicros) {
        URI uri = URI.create(url);
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAuthorization: Bearer " + clinician + "\r\nContent-Type: application/json\r\nContent-Length: "
                + payload.length + "\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            long until = System.nanoTime() + afterMicros * 1_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not reach " + url, e);
        }
    }

    /** A plan for the patient, once plan-service has applied their intake. */
    private String plan(String patientId) {
        String intakeId = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body(ClinicRequests.intake(system.today().minusDays(20), "M54.50", false))
                .post(system.patients + "/patients/" + patientId + "/intakes").then().statusCode(201).extract().path("id");
        system.awaitIntakeApplied(clinician, patientId, intakeId);
        return given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body(ClinicRequests.plan(intakeId, system.today().minusDays(1), false))
                .post(system.plans + "/patients/" + patientId + "/plans").then().statusCode(201).extract().path("id");
    }

    /** Connections of the service's database pool currently lent out, from its Prometheus metrics. */
    private static double poolInUse(String base) {
        String metrics = given().get(base + "/q/metrics").then().statusCode(200).extract().asString();
        List<String> inUse = metrics.lines()
                .filter(line -> line.startsWith("sql_pool_active{") && line.contains("pool_type=\"sql\""))
                .toList();
        assertThat(inUse).as("sql_pool_active of " + base).isNotEmpty();
        return inUse.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
