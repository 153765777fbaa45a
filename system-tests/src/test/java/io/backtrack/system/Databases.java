package io.backtrack.system;

import io.backtrack.infra.PostgresEndpoint;
import io.backtrack.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the services' databases directly, to count what was stored behind the REST answers. Each
 * thread keeps one connection per database, so that checks do not pay a new connection each time.
 */
final class Databases {

    private static final ThreadLocal<Map<String, Connection>> CONNECTIONS = ThreadLocal.withInitial(HashMap::new);

    private Databases() {
    }

    static long count(String database, String sql, Object... parameters) {
        List<String> column = column(database, sql, parameters);
        return Long.parseLong(column.get(0));
    }

    private static Connection connection(String database) throws SQLException {
        Connection connection = CONNECTIONS.get().get(database);
        if (connection == null || connection.isClosed()) {
            PostgresEndpoint postgres = RealInfrastructure.postgres();
            connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
            CONNECTIONS.get().put(database, connection);
        }
        return connection;
    }

    static List<String> column(String database, String sql, Object... parameters) {
        try (PreparedStatement statement = connection(database).prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database, e);
        }
    }

    /** Runs a statement on this thread's connection to the database; settings it makes stay for the next ones. */
    static void execute(String database, String sql) {
        try (var statement = connection(database).createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database, e);
        }
    }
}
