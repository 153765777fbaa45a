package io.backtrack.system;

import io.backtrack.infra.PostgresEndpoint;
import io.backtrack.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the services' databases directly, to count what was stored behind the REST answers. */
final class Databases {

    private Databases() {
    }

    static long count(String database, String sql, Object... parameters) {
        List<String> column = column(database, sql, parameters);
        return Long.parseLong(column.get(0));
    }

    static List<String> column(String database, String sql, Object... parameters) {
        PostgresEndpoint postgres = RealInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                postgres.password()); PreparedStatement statement = connection.prepareStatement(sql)) {
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
}
