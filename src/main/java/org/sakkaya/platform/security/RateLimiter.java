package org.sakkaya.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Counts requests per key in fixed windows, in the database so that every instance shares the count. One atomic
 * upsert per request; MariaDB assigns left to right, so {@code window_start} sees the new {@code hits}.
 */
@ApplicationScoped
public class RateLimiter {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The longest window a counter may have: {@link #forgetOld} removes counters whose window began before it. */
    static final Duration LONGEST_WINDOW = Duration.ofHours(1);

    /** Counts this request; answers how many seconds to wait when it is over {@code max} in the window, else 0. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long hit(String key, int max, Duration window) {
        if (window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("A rate-limit window is at most " + LONGEST_WINDOW + ": " + window);
        }
        Instant now = clock.instant();
        LocalDateTime utc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDateTime expired = utc.minus(window);
        em.createNativeQuery("INSERT INTO rate_limit (bucket_key, window_start, hits) VALUES (?1, ?2, 1) "
                        + "ON DUPLICATE KEY UPDATE hits = IF(window_start <= ?3, 1, hits + 1), "
                        + "window_start = IF(hits = 1, ?2, window_start)")
                .setParameter(1, key).setParameter(2, utc).setParameter(3, expired)
                .executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("SELECT hits, window_start FROM rate_limit WHERE bucket_key = ?1")
                .setParameter(1, key).getSingleResult();
        int hits = ((Number) row[0]).intValue();
        if (hits <= max) {
            return 0;
        }
        LocalDateTime started = row[1] instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) row[1];
        return Math.max(1, Duration.between(utc, started.plus(window)).toSeconds() + 1);
    }

    /** Takes back one request counted under this key (one that, as it turned out, did not do what is limited). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forgive(String key) {
        em.createNativeQuery("UPDATE rate_limit SET hits = hits - 1 WHERE bucket_key = ?1 AND hits > 0")
                .setParameter(1, key).executeUpdate();
    }

    /**
     * Removes counters whose window began more than {@link #LONGEST_WINDOW} ago: they count nothing any more, and their
     * keys hold client addresses, which are not kept longer than they serve (PDPA).
     */
    @Transactional
    public int forgetOld() {
        return em.createNativeQuery("DELETE FROM rate_limit WHERE window_start < ?1")
                .setParameter(1, LocalDateTime.ofInstant(clock.instant().minus(LONGEST_WINDOW), ZoneOffset.UTC)).executeUpdate();
    }
}
