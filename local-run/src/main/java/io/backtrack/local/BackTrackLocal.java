package io.backtrack.local;

import io.backtrack.infra.KafkaBrokerProcess;
import io.backtrack.infra.LocalPostgres;
import io.backtrack.infra.PostgresEndpoint;
import io.backtrack.infra.ServiceProcess;
import io.backtrack.infra.ServiceSpec;
import io.backtrack.infra.StartedParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs BackTrack on one machine: PostgreSQL (embedded, or external when BACKTRACK_POSTGRES_HOST is
 * set), a single-node Kafka broker, Keycloak, and the three services against them, then fills a demo
 * clinic (skip it with --no-demo). Ctrl-C stops everything.
 */
public final class BackTrackLocal {

    private static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("patient-service", "patient", 8081, 9081),
            new ServiceSpec("plan-service", "plan", 8082, 9082),
            new ServiceSpec("outcome-service", "outcome", 8083, 9083));

    private final StartedParts started = new StartedParts();

    public static void main(String[] args) throws Exception {
        boolean demo = !List.of(args).contains("--no-demo");
        new BackTrackLocal().run(Path.of("").toAbsolutePath(), demo);
    }

    private void run(Path root, boolean demo) throws Exception {
        Path state = root.resolve(".backtrack");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "backtrack-stop"));

        step("PostgreSQL");
        PostgresEndpoint postgres = startPostgres(state);
        step("Kafka broker");
        KafkaBrokerProcess kafka = KafkaBrokerProcess.start(state.resolve("kafka"), 9092);
        started.add(kafka);
        done("Kafka on " + kafka.bootstrapServers());

        step("Keycloak");
        KeycloakServer keycloak = KeycloakServer.start(state, root.resolve("deploy/keycloak/backtrack-realm.json"), 8180);
        started.add(keycloak);
        done("Keycloak on " + keycloak.issuer());

        Map<String, String> config = Map.of(
                "backtrack.clock.controllable", "true",
                "quarkus.oidc.auth-server-url", keycloak.issuer(),
                "backtrack.audit.hmac-key", auditKey(state));
        List<ServiceProcess> services = new ArrayList<>();
        for (ServiceSpec spec : SERVICES) {
            step(spec.name());
            ServiceProcess service = ServiceProcess.start(root, spec, postgres, kafka.bootstrapServers(), config,
                    state.resolve("logs"));
            started.add(service);
            services.add(service);
        }
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(3));
            done(service.spec().name() + " ready");
        }
        if (demo) {
            step("demo clinic");
            done(DemoClinic.seed(keycloak.issuer()));
        }
        printUrls(services, kafka, keycloak);
        new CountDownLatch(1).await();
    }

    private PostgresEndpoint startPostgres(Path state) throws Exception {
        String host = System.getenv("BACKTRACK_POSTGRES_HOST");
        LocalPostgres postgres;
        if (host != null) {
            postgres = LocalPostgres.external(new PostgresEndpoint(host,
                    Integer.parseInt(env("BACKTRACK_POSTGRES_PORT", "5432")),
                    env("BACKTRACK_POSTGRES_USER", "postgres"), env("BACKTRACK_POSTGRES_PASSWORD", "postgres")));
        } else {
            postgres = LocalPostgres.start(state.resolve("postgres"), 5432);
            started.add(postgres);
        }
        for (ServiceSpec spec : SERVICES) {
            postgres.createDatabaseIfAbsent(spec.database());
        }
        PostgresEndpoint endpoint = postgres.endpoint();
        done("PostgreSQL on " + endpoint.host() + ":" + endpoint.port() + (host == null ? " (embedded)" : " (external)"));
        return endpoint;
    }

    private void stopAll() {
        started.close();
        System.out.println("BackTrack stopped.");
    }

    private static void printUrls(List<ServiceProcess> services, KafkaBrokerProcess kafka, KeycloakServer keycloak) {
        System.out.println();
        System.out.println("BackTrack is running. Ctrl-C stops everything.");
        for (ServiceProcess service : services) {
            String management = service.spec().managementUrl();
            System.out.printf("  %-16s %s/api/v1   (Swagger UI %s/q/swagger-ui, health %s/q/health)%n",
                    service.spec().name(), service.spec().url(), management, management);
        }
        System.out.println("  Kafka            " + kafka.bootstrapServers()
                + "   (topics backtrack.patient.v1, backtrack.plan.v1, backtrack.outcome.v1)");
        System.out.println("  Keycloak         " + keycloak.issuer() + "   (admin console: admin / local-demo-admin)");
        System.out.println("  Logs             .backtrack/logs/");
        System.out.println();
        System.out.println("Demo users (password demo-<user>): dr.north (clinician, clinic-north), dr.south (clinician,"
                + " clinic-south), pat.north (patient), ops (admin). A token:");
        System.out.println("  TOKEN=$(curl -s -d client_id=backtrack-web -d grant_type=password -d username=dr.north"
                + " -d password=demo-dr.north " + keycloak.issuer() + "/protocol/openid-connect/token"
                + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        System.out.println("  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8081/api/v1/patients");
    }

    private static void step(String what) {
        System.out.println("… starting " + what);
    }

    private static void done(String what) {
        System.out.println("✓ " + what);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The local audit key: made once and kept with the data, since the chains it sealed stay there too. */
    private static String auditKey(Path state) throws IOException {
        Path file = state.resolve("audit-hmac-key");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, HexFormat.of().formatHex(key));
        }
        return Files.readString(file).trim();
    }
}
