package io.backtrack.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL: embedded (zonky's binaries from Maven Central, started by us) or an external
 * server given by configuration. Databases are created on demand.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root and {@code unshare -U} works, zonky runs
 * every PostgreSQL command under it: in that unmapped user namespace the process is the unprivileged
 * overflow user (65534), while the files it writes still belong to root on disk. Other users run
 * PostgreSQL directly.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final String SUPERUSER = "postgres";

    private final PostgresEndpoint endpoint;
    private final Closeable server;

    private LocalPostgres(PostgresEndpoint endpoint, Closeable server) {
        this.endpoint = endpoint;
        this.server = server;
    }

    /** Starts PostgreSQL on a data directory kept across restarts (the local run); reuses it when it exists. */
    public static LocalPostgres start(Path dataDirectory, int preferredPort) throws IOException {
        return start(dataDirectory, false, FreePort.preferring(preferredPort));
    }

    /** Starts a throw-away PostgreSQL on a free port; its data directory is deleted on close (tests). */
    public static LocalPostgres startEphemeral() throws IOException {
        return start(Files.createTempDirectory("backtrack-postgres"), true, FreePort.find());
    }

    /**
     * A throw-away PostgreSQL that writes as a production server does: fsync, synchronous commit and
     * full page writes on (the benchmark, whose figures must not come from skipped disk flushes). It
     * loads pg_stat_statements, from which the benchmark tells where the database's time goes.
     */
    public static LocalPostgres startEphemeralDurable() throws IOException {
        return start(Files.createTempDirectory("backtrack-postgres"), true, FreePort.find(), true);
    }

    /** An external server; nothing is started or stopped. */
    public static LocalPostgres external(PostgresEndpoint endpoint) {
        return new LocalPostgres(endpoint, () -> { });
    }

    private static LocalPostgres start(Path dataDirectory, boolean ephemeral, int port) throws IOException {
        return start(dataDirectory, ephemeral, port, false);
    }

    private static LocalPostgres start(Path dataDirectory, boolean ephemeral, int port, boolean durable)
            throws IOException {
        String flush = durable ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (durable) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres postgres = builder
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(ephemeral)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", flush)
                .setServerConfig("synchronous_commit", flush)
                .setServerConfig("full_page_writes", flush)
                .setServerConfig("max_connections", "200")
                .setServerConfig("idle_in_transaction_session_timeout", "60s")
                .start();
        OrphanGuard guard;
        try {
            guard = OrphanGuard.interruptOnExit(postmasterPid(dataDirectory));
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        Closeable server = () -> {
            guard.close();
            postgres.close();
        };
        return new LocalPostgres(new PostgresEndpoint("localhost", postgres.getPort(), SUPERUSER, SUPERUSER), server);
    }

    private static long postmasterPid(Path dataDirectory) throws IOException {
        try (var lines = Files.lines(dataDirectory.resolve("postmaster.pid"))) {
            return Long.parseLong(lines.findFirst().orElseThrow().trim());
        }
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    /** CREATE DATABASE cannot run in a transaction, hence autocommit and a check first. */
    public void createDatabaseIfAbsent(String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl("postgres"), endpoint.user(),
                endpoint.password())) {
            connection.setAutoCommit(true);
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
