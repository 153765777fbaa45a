package io.backtrack.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.backtrack.infra.FreePort;
import io.backtrack.infra.LocalPostgres;
import io.backtrack.infra.PostgresEndpoint;
import io.backtrack.infra.ServiceProcess;
import io.backtrack.infra.ServiceSpec;
import io.backtrack.testing.RealInfrastructure;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole system as processes: real PostgreSQL and Kafka, the test OIDC server, and the three
 * packaged services with controllable clocks and fast job intervals.
 */
final class BackTrackSystem implements AutoCloseable {

    private static BackTrackSystem shared;

    final String patients;
    final String plans;
    final String outcomes;

    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();
    private final List<ServiceProcess> services = new ArrayList<>();

    /** One system for every test class of the run, stopped when the test JVM exits. */
    static synchronized BackTrackSystem shared() {
        if (shared == null) {
            try {
                shared = new BackTrackSystem();
            } catch (Exception e) {
                throw new IllegalStateException("the system did not start", e);
            }
            BackTrackSystem started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    System.err.println("stopping the system failed: " + e);
                }
            }));
        }
        return shared;
    }

    private BackTrackSystem() throws Exception {
        String keycloakUrl = oidc.start().get("keycloak.url");
        System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
        PostgresEndpoint postgres = RealInfrastructure.postgres();
        LocalPostgres external = LocalPostgres.external(postgres);
        Path root = Path.of(System.getProperty("backtrack.root", "..")).toAbsolutePath();
        Map<String, String> config = Map.of(
                "backtrack.clock.controllable", "true",
                "quarkus.oidc.auth-server-url", keycloakUrl + "/realms/quarkus/",
                "backtrack.messaging.relay.poll-interval", "500ms",
                "backtrack.plan-clocks.interval", "1s",
                "backtrack.review.overdue-check-interval", "1s");
        List<ServiceSpec> specs = List.of(new ServiceSpec("patient-service", "patient", FreePort.find()),
                new ServiceSpec("plan-service", "plan", FreePort.find()),
                new ServiceSpec("outcome-service", "outcome", FreePort.find()));
        for (ServiceSpec spec : specs) {
            external.createDatabaseIfAbsent(spec.database());
            services.add(ServiceProcess.start(root, spec, postgres, RealInfrastructure.bootstrapServers(), config,
                    root.resolve("system-tests/target/service-logs")));
        }
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(3));
        }
        patients = specs.get(0).url() + "/api/v1";
        plans = specs.get(1).url() + "/api/v1";
        outcomes = specs.get(2).url() + "/api/v1";
    }

    /** Moves every service's clock one day forward. */
    void advanceOneDay() {
        for (String api : List.of(patients, plans, outcomes)) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"days\":1}")
                    .when().post(api + "/admin/clock/advance").then().statusCode(200);
        }
    }

    /** Waits, as a front-end does, until plan-service's clinical profile lists the intake a plan will name. */
    void awaitIntakeApplied(String token, String patientId, String intakeId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().auth().oauth2(token).get(plans + "/patients/" + patientId + "/clinical-profile");
            return response.statusCode() == 200
                    && response.jsonPath().getList("appliedIntakes.intakeId").contains(intakeId);
        });
    }

    /** The services' current instant (their clocks move together). */
    Instant now() {
        String now = given().auth().oauth2(TestTokens.admin()).when().get(plans + "/admin/clock")
                .then().statusCode(200).extract().path("now");
        return Instant.parse(now);
    }

    /** The services' current date (their clocks move together). */
    LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        oidc.stop();
    }
}
