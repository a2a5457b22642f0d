package org.sakkaya.dev;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts the SQL statements the service sends, from MariaDB's own counter ({@code Questions}): read before and after
 * a request, the difference less the reading statement itself. Only meaningful while nothing else talks to the
 * database, which is how the benchmarks run it (one request at a time, the service otherwise idle).
 */
final class SqlStatements {
    private final Connection db;

    SqlStatements(Connection db) {
        this.db = db;
    }

    long now() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            r.next();
            return r.getLong(2);
        }
    }

    /** Statements sent between {@code before} (a reading of {@link #now()}) and now. */
    long since(long before) throws SQLException {
        return now() - before - 1;
    }
}
