package org.sakkaya.identity.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An erased person's tokens stay valid until they expire ({@code sakkaya.jwt.lifetime-seconds}), and whatever they
 * write with one in that time would escape their erasure. Every ten minutes this erases again everyone erased within
 * a token's lifetime and one more run, so the last run after the last such token expired catches everything. Every
 * instance may run it: erasure is idempotent.
 */
@Singleton
public class ErasureSweep {
    private static final Logger LOG = Logger.getLogger(ErasureSweep.class.getName());
    private static final Duration RUN_EVERY = Duration.ofMinutes(10);

    @Inject
    People people;

    @Inject
    @ConfigProperty(name = "sakkaya.jwt.lifetime-seconds", defaultValue = "3600")
    long tokenLifetimeSeconds;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void eraseAgain() {
        int erased = people.eraseRecentlyErasedAgain(Duration.ofSeconds(tokenLifetimeSeconds).plus(RUN_EVERY.multipliedBy(2)));
        if (erased > 0) {
            LOG.fine(() -> "Erased again what " + erased + " recently erased people wrote since their erasure");
        }
    }
}
