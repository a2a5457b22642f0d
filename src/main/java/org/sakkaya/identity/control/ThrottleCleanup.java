package org.sakkaya.identity.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Forgets expired sign-in failure counts every hour. Every instance may run it: the delete is idempotent. */
@Singleton
public class ThrottleCleanup {
    private static final Logger LOG = Logger.getLogger(ThrottleCleanup.class.getName());

    @Inject
    LoginThrottle throttle;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void forgetExpired() {
        int forgotten = throttle.forgetExpired();
        if (forgotten > 0) {
            LOG.fine(() -> "Forgot " + forgotten + " expired sign-in failure counts");
        }
    }
}
