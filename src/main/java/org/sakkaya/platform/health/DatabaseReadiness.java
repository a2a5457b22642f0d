package org.sakkaya.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.sakkaya.platform.persistence.Database;
import org.sakkaya.platform.startup.Migrations;

/** Ready when the schema is migrated and the database answers now. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Migrations migrations;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("migrated", migrations.migrated());
        try (Connection connection = dataSource.getConnection()) {
            boolean reachable = connection.isValid(2);
            return response.withData("reachable", reachable).status(reachable && migrations.migrated()).build();
        } catch (SQLException e) {
            return response.withData("reachable", false).down().build();
        }
    }
}
