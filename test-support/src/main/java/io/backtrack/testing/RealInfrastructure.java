package io.backtrack.testing;

import io.backtrack.infra.KafkaBrokerProcess;
import io.backtrack.infra.LocalPostgres;
import io.backtrack.infra.PostgresEndpoint;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts one real PostgreSQL and one real Kafka broker per test JVM and points the service at them.
 * They live until the JVM ends (a shutdown hook stops them; both also stop by themselves when the
 * JVM is killed), so restarting the application between test profiles reuses them.
 *
 * <p>Quarkus may load this class once per application class loader, so where the servers run is
 * kept in system properties, the one place all of them share; only the first loader owns the processes.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "io.backtrack.testing.infrastructure.";
    private static final String POSTGRES_HOST = PREFIX + "postgres.host";
    private static final String POSTGRES_PORT = PREFIX + "postgres.port";
    private static final String POSTGRES_USER = PREFIX + "postgres.user";
    private static final String POSTGRES_PASSWORD = PREFIX + "postgres.password";
    private static final String KAFKA_BOOTSTRAP_SERVERS = PREFIX + "kafka.bootstrap-servers";

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        PostgresEndpoint endpoint = postgres();
        try {
            LocalPostgres.external(endpoint).createDatabaseIfAbsent(database);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return Map.of(
                "quarkus.datasource.username", endpoint.user(),
                "quarkus.datasource.password", endpoint.password(),
                "quarkus.datasource.reactive.url", endpoint.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", endpoint.jdbcUrl(database),
                "kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // shared for the whole JVM; see the class comment
    }

    public static PostgresEndpoint postgres() {
        ensureStarted();
        return new PostgresEndpoint(System.getProperty(POSTGRES_HOST), Integer.getInteger(POSTGRES_PORT),
                System.getProperty(POSTGRES_USER), System.getProperty(POSTGRES_PASSWORD));
    }

    public static String bootstrapServers() {
        ensureStarted();
        return System.getProperty(KAFKA_BOOTSTRAP_SERVERS);
    }

    /** Test classes start one after another, so the class lock suffices. */
    private static synchronized void ensureStarted() {
        if (System.getProperty(KAFKA_BOOTSTRAP_SERVERS) != null) {
            return;
        }
        Servers servers = Servers.start();
        Runtime.getRuntime().addShutdownHook(new Thread(servers::stop, "test-infrastructure-stop"));
        PostgresEndpoint endpoint = servers.postgres().endpoint();
        System.setProperty(POSTGRES_HOST, endpoint.host());
        System.setProperty(POSTGRES_PORT, String.valueOf(endpoint.port()));
        System.setProperty(POSTGRES_USER, endpoint.user());
        System.setProperty(POSTGRES_PASSWORD, endpoint.password());
        System.setProperty(KAFKA_BOOTSTRAP_SERVERS, servers.kafka().bootstrapServers());
    }

    private record Servers(LocalPostgres postgres, KafkaBrokerProcess kafka) {

        /** Both start at once: each spends most of its few seconds waiting on its own process. */
        static Servers start() {
            CompletableFuture<KafkaBrokerProcess> kafka = CompletableFuture.supplyAsync(() -> {
                try {
                    return KafkaBrokerProcess.startEphemeral();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            LocalPostgres postgres;
            try {
                postgres = LocalPostgres.startEphemeral();
            } catch (Exception e) {
                kafka.thenAccept(Servers::closeQuietly);
                throw new IllegalStateException("cannot start PostgreSQL for the tests", e);
            }
            try {
                return new Servers(postgres, kafka.join());
            } catch (CompletionException e) {
                closeQuietly(postgres);
                throw new IllegalStateException("cannot start the Kafka broker for the tests", e.getCause());
            }
        }

        void stop() {
            closeQuietly(kafka);
            closeQuietly(postgres);
        }

        private static void closeQuietly(AutoCloseable server) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("stopping test infrastructure: " + e);
            }
        }
    }
}
