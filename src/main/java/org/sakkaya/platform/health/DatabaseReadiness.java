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
import org.sakkaya.platform.startup.DurabilitySettings;
import org.sakkaya.platform.startup.Migrations;

/**
 * Ready when the schema is migrated and the database answers now. It also shows whether the database's durability
 * settings are as recommended ({@code durable}, with the weaknesses in words): weaker settings warn but do not make
 * the service unready.
 */
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
            DurabilitySettings settings = DurabilitySettings.of(connection);
            response.withData("durable", settings.durable())
                    .withData("innodbFlushLogAtTrxCommit", settings.flushLogAtTrxCommit())
                    .withData("binaryLog", settings.binaryLog())
                    .withData("syncBinlog", settings.syncBinlog());
            if (!settings.durable()) {
                response.withData("durabilityWarnings", String.join("; ", settings.weaknesses()));
            }
            return response.withData("reachable", reachable).status(reachable && migrations.migrated()).build();
        } catch (SQLException e) {
            return response.withData("reachable", false).down().build();
        }
    }
}
