package org.sakkaya.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, per caller, for {@link #KEPT}. A row is
 * written in the transaction of the request it answers, so it exists exactly when the request was applied.
 */
@ApplicationScoped
public class IdempotentRequests {
    /** How long an answer is kept for a retry. */
    public static final Duration KEPT = Duration.ofHours(24);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * A request as recorded: what it was (its hash) and the answer it got; {@code bodyKept} is false for an answer that
     * held a secret, of which only the status and Location were kept.
     */
    public record Answer(String requestHash, int status, String contentType, String location, String etag, byte[] body,
                         boolean bodyKept, boolean current) {
    }

    /**
     * The answer recorded for the caller's key, read without locks; {@code current} when it is within {@link #KEPT}.
     * An older one is to be {@link #forget forgotten} before the key is claimed again.
     */
    public Optional<Answer> find(String personId, String key) {
        List<?> rows = em.createNativeQuery("SELECT request_hash, status, content_type, location, etag, body, body_kept, created_at > ?3 FROM idempotent_request "
                        + "WHERE person_id = ?1 AND idem_key = ?2")
                .setParameter(1, personId).setParameter(2, key).setParameter(3, cutoff())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Answer((String) row[0], ((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4],
                (byte[]) row[5], truth(row[6]), truth(row[7])));
    }

    /**
     * Forgets the caller's expired answer by its key, which exists (not in {@link #claim}: deleting a row that may be
     * absent takes a gap lock, and two claims of one key would deadlock on each other's).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(String personId, String key) {
        em.createNativeQuery("DELETE FROM idempotent_request WHERE person_id = ?1 AND idem_key = ?2 AND created_at <= ?3")
                .setParameter(1, personId).setParameter(2, key).setParameter(3, cutoff()).executeUpdate();
    }

    /**
     * Takes the key for this request, in the request's transaction: the row is inserted at once, so that a second
     * request with the key waits on it until this one commits (then finds its answer) or rolls back (then goes on).
     * Throws a persistence exception when the key was taken meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(String personId, String key, String requestHash, String method, String path) {
        em.createNativeQuery("INSERT INTO idempotent_request (person_id, idem_key, request_hash, method, path, status, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6)")
                .setParameter(1, personId).setParameter(2, key).setParameter(3, requestHash).setParameter(4, method)
                .setParameter(5, path).setParameter(6, now()).executeUpdate();
    }

    /**
     * Records the answer of the claimed key, in the request's transaction; a null {@code body} records that the answer
     * held a secret and was not kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answer(String personId, String key, int status, String contentType, String location, String etag, byte[] body) {
        em.createNativeQuery("UPDATE idempotent_request SET status = ?1, content_type = ?2, location = ?3, body = ?4, body_kept = ?5, "
                        + "etag = ?8 WHERE person_id = ?6 AND idem_key = ?7")
                .setParameter(1, status).setParameter(2, contentType).setParameter(3, location).setParameter(4, body)
                .setParameter(5, body != null).setParameter(6, personId).setParameter(7, key).setParameter(8, etag).executeUpdate();
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    /** Forgets answers older than {@link #KEPT}; any instance may run it. */
    @Transactional
    public int forgetExpired() {
        return em.createNativeQuery("DELETE FROM idempotent_request WHERE created_at <= ?1").setParameter(1, cutoff()).executeUpdate();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private LocalDateTime cutoff() {
        return now().minus(KEPT);
    }
}
