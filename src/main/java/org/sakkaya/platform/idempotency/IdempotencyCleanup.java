package org.sakkaya.platform.idempotency;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Forgets the answers of keyed requests once they are older than a day, every hour; any instance may run it. */
@Singleton
public class IdempotencyCleanup {
    private static final Logger LOG = Logger.getLogger(IdempotencyCleanup.class.getName());

    @Inject
    IdempotentRequests requests;

    @Schedule(hour = "*", minute = "23", persistent = false)
    void forgetExpired() {
        int forgotten = requests.forgetExpired();
        if (forgotten > 0) {
            LOG.fine(() -> "Forgot " + forgotten + " answers of requests with an Idempotency-Key");
        }
    }
}
