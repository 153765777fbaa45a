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
        return ((Number) first(sql, parameters)).longValue();
    }

    /** The first column of the first row; null when there is no row or the value is null. */
    static Object first(String sql, Object... parameters) {
        var postgres = RealInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("messaging"), postgres.user(),
                postgres.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
