package org.sakkaya.platform.persistence;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A read of the database that an instance repeats on a schedule to learn what other instances changed. When it fails
 * (usually the database is down, and nothing is written meanwhile) the next one catches up; an operator hears once
 * when it starts failing, with what that means meanwhile, and once when it works again.
 */
public final class RepeatedRead {
    private final Logger log;
    private final String what;
    private final String meanwhile;
    private final String every;

    /** Since when reads fail, or null. */
    private Instant failingSince;

    /**
     * @param what      what is read, as in "Cannot read {what}"
     * @param meanwhile what a failing read means until it works again
     * @param every     how often it is read, as in "trying {every}"
     */
    public RepeatedRead(Class<?> owner, String what, String meanwhile, String every) {
        this.log = Logger.getLogger(owner.getName());
        this.what = what;
        this.meanwhile = meanwhile;
        this.every = every;
    }

    /** Runs the read, which answers what it found for the log's finest level. */
    public synchronized void run(Supplier<String> read) {
        try {
            String found = read.get();
            log.finer(() -> found);
            if (failingSince != null) {
                log.info("Reading " + what + " works again (failing since " + failingSince + ")");
                failingSince = null;
            }
        } catch (RuntimeException e) {
            if (failingSince == null) {
                failingSince = Instant.now();
                log.log(Level.WARNING, "Cannot read " + what + ": " + meanwhile + "; trying " + every, e);
            } else {
                log.log(Level.FINE, "Still cannot read " + what, e);
            }
        }
    }
}
