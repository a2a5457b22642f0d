package org.sakkaya.platform.security;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.sakkaya.platform.persistence.RepeatedWork;

/**
 * Every hour, forgets request counters whose window is over (the public verification page's, one per client
 * address). Until 2026-11-26 nothing removed them: the table grew by one row per address that ever verified a
 * certificate and kept those addresses for ever. Every instance may run it: the delete is idempotent.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RateLimitCleanup {
    private static final Logger LOG = Logger.getLogger(RateLimitCleanup.class.getName());

    @Inject
    RateLimiter limiter;

    private final RepeatedWork work = new RepeatedWork(RateLimitCleanup.class, "forget request counters whose window is over",
            "they take room, and count for nothing", "every hour");

    @Schedule(hour = "*", minute = "29", persistent = false)
    void forgetOld() {
        work.run(() -> {
            int forgotten = limiter.forgetOld();
            if (forgotten > 0) {
                LOG.fine(() -> "Forgot " + forgotten + " request counters whose window is over");
            }
            return null;
        });
    }
}
