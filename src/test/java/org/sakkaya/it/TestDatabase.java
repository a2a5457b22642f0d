package org.sakkaya.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct JDBC to the test database, for the few checks that look under the API (rows written, nothing half-written). */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password", ""));
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes rows directly: only for resetting shared counters a test has filled on purpose. */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops and creates the database named in the URL, empty (the run's own, or one a test keeps to itself). */
    public static void recreate(String url, String user, String password) {
        int slash = url.lastIndexOf('/');
        String database = url.substring(slash + 1);
        try (Connection connection = DriverManager.getConnection(url.substring(0, slash + 1), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database " + url, e);
        }
    }
}
