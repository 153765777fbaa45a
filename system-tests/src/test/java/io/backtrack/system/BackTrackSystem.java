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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The whole system as processes: real PostgreSQL and Kafka, the test OIDC server, and the three
 * packaged services with controllable clocks and fast job intervals. The shared system serves the
 * journeys; the reliability suite starts its own, whose broker, database links and services it may
 * break without disturbing anyone else.
 */
final class BackTrackSystem implements AutoCloseable {

    private static final List<String> NAMES = List.of("patient-service", "plan-service", "outcome-service");
    private static BackTrackSystem shared;

    final String patients;
    final String plans;
    final String outcomes;

    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, PostgresEndpoint> databases = new LinkedHashMap<>();
    private final String kafka;
    private final Map<String, String> config;
    private final Path root;
    private final Path logs;

    /** One system for every test class of the run, stopped when the test JVM exits. */
    static synchronized BackTrackSystem shared() {
        if (shared == null) {
            shared = startOrFail(() -> new BackTrackSystem("", RealInfrastructure.bootstrapServers(),
                    spec -> RealInfrastructure.postgres()));
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

    /**
     * A system of its own: databases named {@code prefix + name}, the given broker, and each service
     * reaching PostgreSQL through the endpoint {@code postgresFor} gives it (e.g. a proxy to cut).
     */
    static BackTrackSystem isolated(String prefix, String kafka, Function<ServiceSpec, PostgresEndpoint> postgresFor) {
        return startOrFail(() -> new BackTrackSystem(prefix, kafka, postgresFor));
    }

    private static BackTrackSystem startOrFail(Callable<BackTrackSystem> start) {
        try {
            return start.call();
        } catch (Exception e) {
            throw new IllegalStateException("the system did not start", e);
        }
    }

    private BackTrackSystem(String prefix, String kafka, Function<ServiceSpec, PostgresEndpoint> postgresFor)
            throws Exception {
        String keycloakUrl = oidc.start().get("keycloak.url");
        System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
        LocalPostgres external = LocalPostgres.external(RealInfrastructure.postgres());
        this.kafka = kafka;
        this.root = Path.of(System.getProperty("backtrack.root", "..")).toAbsolutePath();
        this.logs = root.resolve("system-tests/target/service-logs" + (prefix.isEmpty() ? "" : "/" + prefix));
        this.config = Map.of(
                "backtrack.clock.controllable", "true",
                "quarkus.oidc.auth-server-url", keycloakUrl + "/realms/quarkus/",
                "backtrack.messaging.relay.poll-interval", "500ms",
                "backtrack.messaging.broker.probe-interval", "1s",
                "backtrack.audit.hmac-key", "system-test-audit-key-0123456789abcdefgh",
                "backtrack.audit.anchor-interval", "2s",
                "backtrack.plan-clocks.interval", "1s",
                "backtrack.review.overdue-check-interval", "1s");
        List<ServiceSpec> specs = new ArrayList<>();
        for (String name : NAMES) {
            ServiceSpec spec = new ServiceSpec(name, prefix + name.substring(0, name.indexOf('-')), FreePort.find(),
                    FreePort.find());
            external.createDatabaseIfAbsent(spec.database());
            Files.deleteIfExists(logs.resolve(name + ".log"));
            databases.put(name, postgresFor.apply(spec));
            services.put(name, start(spec));
            specs.add(spec);
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofMinutes(3));
        }
        patients = specs.get(0).url() + "/api/v1";
        plans = specs.get(1).url() + "/api/v1";
        outcomes = specs.get(2).url() + "/api/v1";
    }

    private ServiceProcess start(ServiceSpec spec) throws IOException {
        return ServiceProcess.start(root, spec, databases.get(spec.name()), kafka, config, logs);
    }

    /** The base URL ({@code http://localhost:port}) of a service by name, e.g. {@code plan-service}. */
    String baseUrl(String name) {
        return services.get(name).spec().url();
    }

    /** Where a service serves health, metrics and its OpenAPI document, e.g. {@code http://localhost:port}. */
    String managementUrl(String name) {
        return services.get(name).spec().managementUrl();
    }

    /** The file a service's output (its JSON log lines) goes to. */
    Path log(String name) {
        return services.get(name).log();
    }

    /** The database a service keeps its state in. */
    String database(String name) {
        return services.get(name).spec().database();
    }

    /** SIGKILL: no shutdown hook, no drain, whatever was in flight is cut. */
    void kill(String name) throws IOException, InterruptedException {
        services.get(name).kill();
    }

    /** Starts a killed or stopped service again on its port and waits until it is ready. */
    void restart(String name) throws IOException, InterruptedException {
        ServiceProcess again = start(services.get(name).spec());
        services.put(name, again);
        again.awaitReady(Duration.ofMinutes(3));
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
        for (ServiceProcess service : services.values()) {
            service.close();
        }
        oidc.stop();
    }
}
