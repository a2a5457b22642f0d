package org.sakkaya.workshop.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wrong check-in codes, counted per trainee and session in the database so that every instance sees the same
 * count. After {@code sakkaya.checkin.max-failures} of them the trainee may no longer check in to that session and
 * asks the trainer to record them: a six-character code cannot be guessed in so few tries.
 */
@ApplicationScoped
public class CheckInThrottle {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sakkaya.checkin.max-failures", defaultValue = "10")
    int maxFailures;

    /**
     * Takes the trainee's row for the session (made with no failures if there is none) and holds it until the
     * transaction ends, so parallel guesses are checked and counted one after another: a plain read of the
     * transaction's snapshot let every guess running at once see the count from before them all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean exhausted(String sessionId, String personId) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        em.createNativeQuery("INSERT INTO check_in_failure (session_id, person_id, failures, last_failed_at) "
                        + "VALUES (?1, ?2, 0, ?3) ON DUPLICATE KEY UPDATE failures = failures")
                .setParameter(1, sessionId).setParameter(2, personId).setParameter(3, now)
                .executeUpdate();
        Number failures = (Number) em.createNativeQuery("SELECT failures FROM check_in_failure WHERE session_id = ?1 AND person_id = ?2 FOR UPDATE")
                .setParameter(1, sessionId).setParameter(2, personId)
                .getSingleResult();
        return failures.intValue() >= maxFailures;
    }

    /** One atomic statement, so that parallel guesses cannot lose a count. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(String sessionId, String personId) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        em.createNativeQuery("INSERT INTO check_in_failure (session_id, person_id, failures, last_failed_at) "
                        + "VALUES (?1, ?2, 1, ?3) ON DUPLICATE KEY UPDATE failures = failures + 1, last_failed_at = ?3")
                .setParameter(1, sessionId).setParameter(2, personId).setParameter(3, now)
                .executeUpdate();
    }
}
