package org.sakkaya.platform.security;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every hour, forgets request counters whose window is over (the public verification page's, one per client
 * address). Until 2026-11-26 nothing removed them: the table grew by one row per address that ever verified a
 * certificate and kept those addresses for ever. Every instance may run it: the delete is idempotent.
 */
@Singleton
public class RateLimitCleanup {
    private static final Logger LOG = Logger.getLogger(RateLimitCleanup.class.getName());

    @Inject
    RateLimiter limiter;

    @Schedule(hour = "*", minute = "29", persistent = false)
    void forgetOld() {
        int forgotten = limiter.forgetOld();
        if (forgotten > 0) {
            LOG.fine(() -> "Forgot " + forgotten + " request counters whose window is over");
        }
    }
}
