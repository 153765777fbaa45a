package io.backtrack.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL: embedded (zonky's binaries from Maven Central, started by us) or an external
 * server given by configuration. Databases are created on demand.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres embedded;
    private final PostgresEndpoint endpoint;

    private LocalPostgres(EmbeddedPostgres embedded, PostgresEndpoint endpoint) {
        this.embedded = embedded;
        this.endpoint = endpoint;
    }

    /** Starts PostgreSQL on a data directory that survives restarts (the local run). */
    public static LocalPostgres start(Path dataDirectory, int preferredPort) throws IOException {
        Files.createDirectories(dataDirectory);
        return start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(FreePort.preferring(preferredPort)));
    }

    /** Starts a throw-away PostgreSQL on a free port (tests). */
    public static LocalPostgres startEphemeral() throws IOException {
        return start(EmbeddedPostgres.builder().setPort(FreePort.find()));
    }

    /** An external server; nothing is started or stopped. */
    public static LocalPostgres external(PostgresEndpoint endpoint) {
        return new LocalPostgres(null, endpoint);
    }

    private static LocalPostgres start(EmbeddedPostgres.Builder builder) throws IOException {
        EmbeddedPostgres postgres = builder
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .start();
        return new LocalPostgres(postgres, new PostgresEndpoint("localhost", postgres.getPort(), SUPERUSER, SUPERUSER));
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
        if (embedded != null) {
            embedded.close();
        }
    }
}
