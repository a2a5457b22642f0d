package org.sakkaya.platform.startup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sakkaya.platform.persistence.Database;

/**
 * Reads the database's durability settings at start-up and warns in the log when they are weaker than recommended
 * (see {@link DurabilitySettings} and the README's "Durability"). Readiness shows them as they are at each call. It
 * only warns: a development database may be set up for speed, and refusing to start would not make it durable.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class DurabilityCheck {
    private static final Logger LOG = Logger.getLogger(DurabilityCheck.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void check() {
        DurabilitySettings settings;
        try (Connection connection = dataSource.getConnection()) {
            settings = DurabilitySettings.of(connection);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not read the database's durability settings", e);
            return;
        }
        if (settings.durable()) {
            LOG.info(() -> "Database durability as recommended: innodb_flush_log_at_trx_commit=1"
                    + (settings.binaryLog() ? ", sync_binlog=1" : ", binary log off"));
        } else {
            settings.weaknesses().forEach(w -> LOG.warning("Database durability is weaker than recommended: " + w));
        }
    }
}
