package org.sakkaya.platform.startup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.sakkaya.platform.persistence.Database;

/**
 * Brings the schema up to date from {@code db/} before anything uses JPA, and in the demo profile loads
 * {@code db/demo}. Bean-managed transactions: Flyway commits its own work, and a container transaction would
 * enlist its connection in XA, which MariaDB's driver refuses for DDL.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "sakkaya.demo", defaultValue = "false")
    boolean demo;

    private volatile boolean migrated;

    @PostConstruct
    void migrate() {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (demo) {
            locations.add("classpath:db/demo");
        }
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(true)
                // the demo's data is numbered from V1000: a schema migration added later (V013 after a demo
                // database reached V1005) still runs on it instead of failing validation
                .outOfOrder(demo)
                .load()
                .migrate();
        // Flyway names a target version only when it ran something; otherwise the schema stayed where it was
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Schema at version " + version + " (" + result.migrationsExecuted
                + " migrations run now" + (demo ? ", demo data included" : "") + ")");
        migrated = true;
    }

    public boolean migrated() {
        return migrated;
    }
}
