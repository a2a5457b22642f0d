package org.sakkaya.program.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The seats this instance has lately seen held, so that a trainee's own course page does not ask the database for
 * the seat on every read (the page is what trainees open most). Only held seats are remembered, each for
 * {@link #LIFETIME} from when it was read; a seat given up is forgotten:
 * <ul>
 * <li>on the instance that withdrew it, when the withdrawal commits ({@link #forget});</li>
 * <li>on every instance at its next {@link #refresh()}, every five seconds: the enrolments whose seat was given up
 * within a lifetime and a margin for clocks, whichever instance gave it up.</li>
 * </ul>
 * A seat read while one was being forgotten is not remembered, so a read that raced a withdrawal on this instance does
 * not bring the seat back. Writes never ask here: they read the seat with a lock.
 */
@ApplicationScoped
public class KnownSeats {
    /** How long a seat read is trusted without a withdrawal: bounds what any other way of losing a seat could leave. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    /** Room for the clocks of the instance that wrote a withdrawal and this one, and for its transaction's length. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    /** A seat as stored: its cohort's and person's ids as the database holds them. */
    public record Seat(String cohortId, String personId) {
    }

    @PersistenceContext
    EntityManager em;

    private final Duration lifetime;
    private final ConcurrentMap<Seat, Instant> held = new ConcurrentHashMap<>();
    private final AtomicLong forgotten = new AtomicLong();

    public KnownSeats() {
        this(LIFETIME);
    }

    KnownSeats(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /**
     * Whether the person holds a seat in the cohort: from memory if this instance read it held within the lifetime,
     * otherwise from {@code read}, the seat as stored or none. A seat read is remembered if nothing was forgotten
     * meanwhile and it was asked for by its ids exactly as stored: the ids' columns compare without case, and a seat
     * remembered under another spelling would not be found by the withdrawal that forgets it.
     */
    public boolean isSeated(String cohortId, String personId, Instant now, Supplier<Optional<Seat>> read) {
        Seat asked = new Seat(cohortId, personId);
        Instant seen = held.get(asked);
        if (seen != null && now.isBefore(seen.plus(lifetime))) {
            return true;
        }
        long forgottenBefore = forgotten.get();
        Optional<Seat> seat = read.get();
        if (seat.isEmpty()) {
            held.remove(asked, seen);
            return false;
        }
        if (seat.get().equals(asked)) {
            // forget() counts before it removes, so either it removes this entry or this sees its count
            held.compute(asked, (k, old) -> forgotten.get() == forgottenBefore ? now : old);
        }
        return true;
    }

    /** The seat was given up: the next read asks the database. */
    public void forget(String cohortId, String personId) {
        forgotten.incrementAndGet();
        held.remove(new Seat(cohortId, personId));
    }

    /**
     * Forgets every seat given up lately on any instance and what has outlived its lifetime; answers how many seats
     * this instance now remembers.
     */
    public int refresh(Instant now) {
        Instant since = now.minus(lifetime).minus(CLOCK_MARGIN);
        List<Object[]> left = em.createQuery("SELECT e.cohortId, e.personId FROM Enrollment e WHERE e.seatLeftAt > :since",
                        Object[].class)
                .setParameter("since", since)
                .getResultList();
        for (Object[] row : left) {
            forget((String) row[0], (String) row[1]);
        }
        return expire(now);
    }

    /** Forgets what has outlived its lifetime; answers how many seats are remembered. */
    int expire(Instant now) {
        held.values().removeIf(seen -> !now.isBefore(seen.plus(lifetime)));
        return held.size();
    }
}
