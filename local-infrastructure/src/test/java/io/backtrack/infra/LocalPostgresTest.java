package io.backtrack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @Test
    void createsDatabasesIdempotentlyAndServesThemOverJdbc() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.startEphemeral()) {
            postgres.createDatabaseIfAbsent("orders");
            postgres.createDatabaseIfAbsent("orders");

            PostgresEndpoint endpoint = postgres.endpoint();
            execute(endpoint, "orders", "CREATE TABLE item (name text)", "INSERT INTO item VALUES ('brace')");
            assertThat(queryOne(endpoint, "orders", "SELECT name FROM item")).isEqualTo("brace");
            assertThat(endpoint.reactiveUrl("orders")).isEqualTo("postgresql://localhost:" + endpoint.port() + "/orders");
            assertThat(endpoint.jdbcUrl("orders")).isEqualTo("jdbc:postgresql://localhost:" + endpoint.port() + "/orders");
        }
    }

    @Test
    void externalServerIsUsedAsGivenAndNeverStopped() throws Exception {
        try (LocalPostgres embedded = LocalPostgres.startEphemeral()) {
            PostgresEndpoint given = new PostgresEndpoint("localhost", embedded.endpoint().port(), "postgres", "postgres");
            try (LocalPostgres external = LocalPostgres.external(given)) {
                assertThat(external.endpoint()).isEqualTo(given);
                external.createDatabaseIfAbsent("elsewhere");
            }
            assertThat(queryOne(given, "elsewhere", "SELECT current_database()")).isEqualTo("elsewhere");
        }
    }

    @Test
    void dataDirectoryKeepsItsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        long firstPid;
        try (LocalPostgres first = LocalPostgres.start(data, 0)) {
            firstPid = postmasterPid(data);
            first.createDatabaseIfAbsent("kept");
            execute(first.endpoint(), "kept", "CREATE TABLE note (text text)", "INSERT INTO note VALUES ('still here')");
        }
        ProcessHandle.of(firstPid).ifPresent(postmaster -> postmaster.onExit().orTimeout(10, TimeUnit.SECONDS).join());

        try (LocalPostgres second = LocalPostgres.start(data, 0)) {
            second.createDatabaseIfAbsent("kept");
            assertThat(queryOne(second.endpoint(), "kept", "SELECT text FROM note")).isEqualTo("still here");
        }
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static void execute(PostgresEndpoint endpoint, String database, String... statements) throws SQLException {
        try (Connection connection = connect(endpoint, database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String queryOne(PostgresEndpoint endpoint, String database, String sql) throws SQLException {
        try (Connection connection = connect(endpoint, database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect(PostgresEndpoint endpoint, String database) throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(database), endpoint.user(), endpoint.password());
    }
}
