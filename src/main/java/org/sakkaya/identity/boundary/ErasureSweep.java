package org.sakkaya.identity.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * An erasure ends the person's sessions (their tokens are refused at once on the instance that erased them, and within
 * seconds on the others), but a request that was already under way, or reached another instance before it heard, may
 * still write after the erasure committed. Every ten minutes this erases again everyone erased within the last half
 * hour, so that what such a request wrote is erased too. Every instance may run it: erasure is idempotent.
 */
@Singleton
public class ErasureSweep {
    private static final Logger LOG = Logger.getLogger(ErasureSweep.class.getName());
    /** Three runs: far longer than a request, or than another instance takes to hear of the erasure. */
    private static final Duration WINDOW = Duration.ofMinutes(30);

    @Inject
    People people;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void eraseAgain() {
        int erased = people.eraseRecentlyErasedAgain(WINDOW);
        if (erased > 0) {
            LOG.fine(() -> "Erased again what " + erased + " recently erased people wrote since their erasure");
        }
    }
}
