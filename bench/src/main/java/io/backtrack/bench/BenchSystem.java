package io.backtrack.bench;

import io.backtrack.infra.FreePort;
import io.backtrack.infra.KafkaBrokerProcess;
import io.backtrack.infra.LocalPostgres;
import io.backtrack.infra.PostgresEndpoint;
import io.backtrack.infra.ServiceProcess;
import io.backtrack.infra.ServiceSpec;
import io.backtrack.infra.StartedParts;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system under test, without demo data: PostgreSQL with fsync on, a Kafka broker, the OIDC test
 * server as token issuer, and the three packaged services in their prod profile. Services start one
 * after another, so each one's time to ready is its own; replicas may be added later.
 */
final class BenchSystem implements AutoCloseable {

    static final List<String> SERVICES = List.of("patient-service", "plan-service", "outcome-service");

    final PostgresEndpoint postgres;
    final String kafka;
    /** {@code -Dbench.service.<key>=<value>} sets a configuration key of every service, e.g. to compare a setting. */
    private static final String SETTING = "bench.service.";

    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private final StartedParts started = new StartedParts();
    private final Path root;
    private final Path logs;
    private final Map<String, String> config;

    private BenchSystem(Path root, Path logs) throws Exception {
        this.root = root;
        this.logs = logs;
        try {
            LocalPostgres database = LocalPostgres.startEphemeralDurable();
            started.add(database);
            postgres = database.endpoint();
            KafkaBrokerProcess broker = KafkaBrokerProcess.startEphemeral();
            started.add(broker);
            kafka = broker.bootstrapServers();
            OidcWiremockTestResource oidc = new OidcWiremockTestResource();
            String issuer = oidc.start().get("keycloak.url") + "/realms/quarkus/";
            started.add(oidc::stop);
            System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");

            Map<String, String> settings = new LinkedHashMap<>(Map.of(
                    "backtrack.clock.controllable", "true",
                    "quarkus.oidc.auth-server-url", issuer,
                    "backtrack.audit.hmac-key", randomKey(),
                    "backtrack.plan-clocks.interval", "1s"));
            System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(SETTING))
                    .forEach(key -> settings.put(key.substring(SETTING.length()), System.getProperty(key)));
            config = Map.copyOf(settings);
            for (String name : SERVICES) {
                ServiceSpec spec = new ServiceSpec(name, name.substring(0, name.indexOf('-')), FreePort.find(),
                        FreePort.find());
                database.createDatabaseIfAbsent(spec.database());
                trainClassData(database, spec);
                long start = System.nanoTime();
                ServiceProcess service = ServiceProcess.start(root, spec, postgres, kafka, config, logs);
                started.add(service);
                service.awaitReady(Duration.ofMinutes(3));
                readyAfter.put(name, Duration.ofNanos(System.nanoTime() - start));
                services.put(name, service);
            }
        } catch (Exception | Error failed) {
            started.close();
            throw failed;
        }
    }

    /**
     * The first start after a build trains the service's class-data archive (ServiceProcess), on a
     * database of its own: the measured start then reads its classes from the archive, as every later
     * start of a deployment does, and still migrates a database of its own from nothing.
     */
    private void trainClassData(LocalPostgres database, ServiceSpec spec) throws Exception {
        if (!ServiceProcess.willTrain(root, spec)) {
            return;
        }
        ServiceSpec training = new ServiceSpec(spec.name(), spec.database() + "_training", FreePort.find(),
                FreePort.find());
        database.createDatabaseIfAbsent(training.database());
        try (ServiceProcess service = ServiceProcess.start(root, training, postgres, kafka, config,
                logs.resolve("training"))) {
            service.awaitReady(Duration.ofMinutes(3));
        }
    }

    static BenchSystem start(Path root, Path logs) throws Exception {
        return new BenchSystem(root, logs);
    }

    String api(String service) {
        return services.get(service).spec().url() + "/api/v1";
    }

    /**
     * Starts one more process of the service on the same database and broker (a replica, as ops adds
     * one), and returns its API base URL once it is ready.
     */
    String startReplica(String service) throws Exception {
        ServiceSpec spec = new ServiceSpec(service, database(service), FreePort.find(), FreePort.find());
        ServiceProcess replica = ServiceProcess.start(root, spec, postgres, kafka, config,
                logs.resolve("replica-" + (replicas.size() + 2)));
        started.add(replica);
        replica.awaitReady(Duration.ofMinutes(3));
        replicas.add(replica);
        return spec.url() + "/api/v1";
    }

    /** The API base URL of every running process, replicas included. */
    List<String> allApis() {
        List<String> apis = new ArrayList<>();
        services.values().forEach(process -> apis.add(process.spec().url() + "/api/v1"));
        replicas.forEach(process -> apis.add(process.spec().url() + "/api/v1"));
        return apis;
    }

    /** The service processes, replicas included, by name ("plan-service", "plan-service replica 2"). */
    Map<String, Long> processes() {
        Map<String, Long> processes = new LinkedHashMap<>();
        services.forEach((name, process) -> processes.put(name, process.pid()));
        for (int i = 0; i < replicas.size(); i++) {
            processes.put(replicas.get(i).spec().name() + " replica " + (i + 2), replicas.get(i).pid());
        }
        return processes;
    }

    String management(String service) {
        return services.get(service).spec().managementUrl();
    }

    String database(String service) {
        return services.get(service).spec().database();
    }

    /** A JDBC connection to {@code database} on the benchmark's PostgreSQL. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }

    /** Resident set size of the service's JVM, in MiB, from /proc. */
    long residentMiB(String service) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + services.get(service).pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + service);
    }

    /**
     * Sends each service SIGTERM, one after another as a rolling deploy replaces them, and times each
     * until its process has exited (it is killed after 20 s).
     */
    Map<String, Duration> stopServices() throws IOException, InterruptedException {
        Map<String, Duration> stoppedAfter = new LinkedHashMap<>();
        for (Map.Entry<String, ServiceProcess> service : services.entrySet()) {
            long start = System.nanoTime();
            service.getValue().close();
            stoppedAfter.put(service.getKey(), Duration.ofNanos(System.nanoTime() - start));
        }
        return stoppedAfter;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    @Override
    public void close() {
        started.close();
    }
}
