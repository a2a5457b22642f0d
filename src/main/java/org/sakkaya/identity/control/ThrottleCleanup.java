package org.sakkaya.identity.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.sakkaya.platform.persistence.RepeatedWork;

/** Forgets expired sign-in failure counts every hour. Every instance may run it: the delete is idempotent. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ThrottleCleanup {
    private static final Logger LOG = Logger.getLogger(ThrottleCleanup.class.getName());

    @Inject
    LoginThrottle throttle;

    private final RepeatedWork work = new RepeatedWork(ThrottleCleanup.class, "forget expired sign-in failure counts",
            "they take room, and count for nothing", "every hour");

    @Schedule(hour = "*", minute = "17", persistent = false)
    void forgetExpired() {
        work.run(() -> {
            int forgotten = throttle.forgetExpired();
            if (forgotten > 0) {
                LOG.fine(() -> "Forgot " + forgotten + " expired sign-in failure counts");
            }
            return null;
        });
    }
}
