package org.sakkaya.platform.idempotency;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.sakkaya.platform.persistence.RepeatedWork;

/** Forgets the answers of keyed requests once they are older than a day, every hour; any instance may run it. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdempotencyCleanup {
    private static final Logger LOG = Logger.getLogger(IdempotencyCleanup.class.getName());

    @Inject
    IdempotentRequests requests;

    private final RepeatedWork work = new RepeatedWork(IdempotencyCleanup.class, "forget expired answers of keyed requests",
            "they take room until this works again", "every hour");

    @Schedule(hour = "*", minute = "23", persistent = false)
    void forgetExpired() {
        work.run(() -> {
            int forgotten = requests.forgetExpired();
            if (forgotten > 0) {
                LOG.fine(() -> "Forgot " + forgotten + " answers of requests with an Idempotency-Key");
            }
            return null;
        });
    }
}
