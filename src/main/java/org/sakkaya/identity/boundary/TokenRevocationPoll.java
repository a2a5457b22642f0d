package org.sakkaya.identity.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sakkaya.identity.control.TokenRevocations;
import org.sakkaya.platform.persistence.RepeatedWork;

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
    private final RepeatedWork read = new RepeatedWork(TokenRevocationPoll.class, "read the ended sessions",
            "tokens ended on other instances are not refused here until this works again", "every five seconds");

    @Inject
    TokenRevocations revocations;

    @PostConstruct
    void load() {
        poll();
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void poll() {
        read.run(() -> revocations.refresh() + " accounts ended their sessions within a token's lifetime");
    }
}
