package org.sakkaya.identity.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sakkaya.identity.control.TokenRevocations;

/**
 * Every instance reads the accounts whose sessions were ended, at start-up (before it serves a request) and every
 * five seconds: a sign-out, a password change or reset, a role or organisation change or an erasure on another
 * instance stops that account's older tokens here within that time.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TokenRevocationPoll {
    private static final Logger LOG = Logger.getLogger(TokenRevocationPoll.class.getName());

    @Inject
    TokenRevocations revocations;

    @PostConstruct
    void load() {
        poll();
    }

    /** Since when polls fail, or null: an operator hears once when it starts and once when it ends. */
    private java.time.Instant failingSince;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void poll() {
        try {
            int count = revocations.refresh();
            LOG.finer(() -> count + " accounts ended their sessions within a token's lifetime");
            if (failingSince != null) {
                LOG.info("Reading the ended sessions works again (failing since " + failingSince + ")");
                failingSince = null;
            }
        } catch (RuntimeException e) {
            // usually the database is down, and nothing is written meanwhile; the next poll catches up. Sessions ended
            // on other instances are not refused here until then.
            if (failingSince == null) {
                failingSince = java.time.Instant.now();
                LOG.log(Level.WARNING, "Cannot read the ended sessions: tokens ended on other instances are not refused here "
                        + "until this works again; trying every five seconds", e);
            } else {
                LOG.log(Level.FINE, "Still cannot read the ended sessions", e);
            }
        }
    }
}
