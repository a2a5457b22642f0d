package org.sakkaya.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one data source. Values come from MicroProfile Config ({@code db.url}, {@code db.user}, {@code db.password},
 * or the environment variables {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}); {@link MariaDbSource} says why it
 * is not MariaDB's own class.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.sakkaya.platform.persistence.MariaDbSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/sakkaya";
}
