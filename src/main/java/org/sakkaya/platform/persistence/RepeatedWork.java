package org.sakkaya.platform.persistence;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work an instance repeats on a schedule: a read of what other instances changed, a clean-up, the grading of overdue
 * attempts. When it fails (usually the database is down, or busy with another instance's lock) the next run catches
 * up; an operator hears once when it starts failing, with what that means meanwhile, and once when it works again.
 * It never throws: Payara drops the timer of a scheduled method that throws twice in a row, and the work would then
 * stop on that instance until it restarts (found on 2026-11-27 with two instances sharing one database).
 */
public final class RepeatedWork {
    private final Logger log;
    private final String what;
    private final String meanwhile;
    private final String every;

    /** Since when reads fail, or null. */
    private Instant failingSince;

    /**
     * @param what      what is done, as in "Cannot {what}"
     * @param meanwhile what failing means until it works again
     * @param every     how often it is done, as in "trying {every}"
     */
    public RepeatedWork(Class<?> owner, String what, String meanwhile, String every) {
        this.log = Logger.getLogger(owner.getName());
        this.what = what;
        this.meanwhile = meanwhile;
        this.every = every;
    }

    /** Runs the work, which answers what it did for the log's finer level (null: nothing to say). */
    public synchronized void run(Supplier<String> work) {
        try {
            String done = work.get();
            if (done != null) {
                log.finer(() -> done);
            }
            if (failingSince != null) {
                log.info("Can " + what + " again (failing since " + failingSince + ")");
                failingSince = null;
            }
        } catch (RuntimeException e) {
            if (failingSince == null) {
                failingSince = Instant.now();
                log.log(Level.WARNING, "Cannot " + what + ": " + meanwhile + "; trying " + every, e);
            } else {
                log.log(Level.FINE, "Still cannot " + what, e);
            }
        }
    }
}
