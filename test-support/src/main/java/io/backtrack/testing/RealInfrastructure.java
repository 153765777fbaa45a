package io.backtrack.testing;

import io.backtrack.infra.KafkaBrokerProcess;
import io.backtrack.infra.LocalPostgres;
import io.backtrack.infra.PostgresEndpoint;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts one real PostgreSQL and one real Kafka broker per test JVM and points the service at them.
 * They live until the JVM ends (a shutdown hook stops them; the broker also stops by itself when
 * the JVM is killed), so restarting the application between test profiles reuses them.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres postgres;
    private static KafkaBrokerProcess kafka;

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        ensureStarted();
        try {
            postgres.createDatabaseIfAbsent(database);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        PostgresEndpoint endpoint = postgres.endpoint();
        return Map.of(
                "quarkus.datasource.username", endpoint.user(),
                "quarkus.datasource.password", endpoint.password(),
                "quarkus.datasource.reactive.url", endpoint.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", endpoint.jdbcUrl(database),
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared for the whole JVM; see the class comment
    }

    public static synchronized PostgresEndpoint postgres() {
        ensureStarted();
        return postgres.endpoint();
    }

    public static synchronized String bootstrapServers() {
        ensureStarted();
        return kafka.bootstrapServers();
    }

    private static synchronized void ensureStarted() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = LocalPostgres.startEphemeral();
            kafka = KafkaBrokerProcess.start(Files.createTempDirectory("backtrack-kafka"), 0);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test infrastructure", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(RealInfrastructure::stopAll, "test-infrastructure-stop"));
    }

    private static void stopAll() {
        try {
            kafka.close();
            postgres.close();
        } catch (Exception e) {
            System.err.println("stopping test infrastructure: " + e);
        }
    }
}
