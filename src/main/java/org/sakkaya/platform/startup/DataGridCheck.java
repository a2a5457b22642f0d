package org.sakkaya.platform.startup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Warns at start-up when Payara's Hazelcast data grid runs beside Sakkaya. Sakkaya keeps every shared state in the
 * database and needs no grid; a running grid listens on port 6900 (and up) on every interface without authentication,
 * and a client of it can have the server run administration commands, deployments included. The run command, the
 * README's production command and the Arquillian container start Payara Micro with {@code --nohazelcast}
 * ({@code --nocluster} alone still starts the grid's listener).
 */
@Startup
@Singleton
public class DataGridCheck {
    /** Where Payara binds its Hazelcast instance while the grid runs. */
    static final String JNDI_NAME = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger(DataGridCheck.class.getName());

    @PostConstruct
    void check() {
        Object grid;
        try {
            grid = new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException absent) {
            grid = null;
        }
        if (grid != null) {
            LOG.warning("Payara's Hazelcast data grid is running (port 6900 and up, on every interface, no authentication): "
                    + "Sakkaya needs none; start Payara Micro with --nohazelcast (see the README's production command)");
        } else {
            LOG.info("Payara's Hazelcast data grid is off, as Sakkaya needs none");
        }
    }
}
