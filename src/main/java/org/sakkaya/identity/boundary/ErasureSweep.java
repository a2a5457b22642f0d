package org.sakkaya.identity.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.platform.persistence.RepeatedWork;

/**
 * An erasure ends the person's sessions (their tokens are refused at once on the instance that erased them, and within
 * seconds on the others), but a request that was already under way, or reached an instance that has not heard yet
 * (its poll of ended sessions failing, say), may still write after the erasure committed. Every ten minutes this erases
 * again everyone erased within a token's lifetime and one more run, which covers even an instance that never heard.
 * Every instance may run it: erasure is idempotent.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ErasureSweep {
    private static final Logger LOG = Logger.getLogger(ErasureSweep.class.getName());
    private static final Duration RUN_EVERY = Duration.ofMinutes(10);

    @Inject
    @ConfigProperty(name = "sakkaya.jwt.lifetime-seconds", defaultValue = "3600")
    long tokenLifetimeSeconds;

    @Inject
    People people;

    private final RepeatedWork work = new RepeatedWork(ErasureSweep.class, "erase again what recently erased people wrote",
            "a name written by a session that outlived its person's erasure stays until this works again", "every ten minutes");

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void eraseAgain() {
        work.run(() -> {
            int erased = people.eraseRecentlyErasedAgain(Duration.ofSeconds(tokenLifetimeSeconds).plus(RUN_EVERY.multipliedBy(2)));
            if (erased > 0) {
                LOG.fine(() -> "Erased again what " + erased + " recently erased people wrote since their erasure");
            }
            return null;
        });
    }
}
