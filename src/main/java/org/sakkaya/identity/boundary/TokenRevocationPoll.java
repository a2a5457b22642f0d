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

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void poll() {
        try {
            int count = revocations.refresh();
            LOG.finer(() -> count + " accounts ended their sessions within a token's lifetime");
        } catch (RuntimeException e) {
            // the database is down: nothing is read or written meanwhile, and the next poll catches up
            LOG.log(Level.FINE, "Could not read the revoked sessions; trying again in five seconds", e);
        }
    }
}
