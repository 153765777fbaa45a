package io.backtrack.messaging;

import io.backtrack.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the test database over plain JDBC, beside the service's own reactive connections. */
final class Database {

    private Database() {
    }

    static long count(String sql, Object... parameters) {
        var postgres = RealInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("messaging"), postgres.user(),
                postgres.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
