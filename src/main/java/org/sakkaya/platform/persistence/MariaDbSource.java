package org.sakkaya.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.PooledConnection;
import javax.sql.XAConnection;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB's data source, given an empty password when {@code db.password} is empty. MicroProfile Config treats an
 * empty value as no value, so Payara leaves {@code ${MPCONFIG=db.password}} in {@link Database} unexpanded and would
 * send the placeholder itself as the password: a user without a password (root on a developer's machine, as the
 * README's "Using your own MariaDB" has it) could not sign in to the database. Only the password: an empty user is a
 * mistake that should fail, where the driver would fall back to the operating system's account.
 */
public class MariaDbSource extends MariaDbDataSource {
    @Override
    public void setPassword(String password) throws SQLException {
        super.setPassword(expanded(password));
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return super.getConnection(user, expanded(password));
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        return super.getPooledConnection(user, expanded(password));
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return super.getXAConnection(user, expanded(password));
    }

    /** The value, or empty for a placeholder that Payara could not expand (an empty setting; a real password of that shape would be taken for one). */
    static String expanded(String value) {
        return value != null && value.startsWith("${") && value.endsWith("}") ? "" : value;
    }
}
