package org.sakkaya.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.identity.entity.Account;

/**
 * Which accounts have ended their sessions, as this instance knows it: a token whose generation is older than its
 * account's is refused. Checking a request costs a map look-up, not a statement.
 * <p>
 * The instance that revokes knows at its commit ({@link Revoked}); the others read every account revoked within a
 * token's lifetime from the database every few seconds ({@link #refresh()}, on a schedule). A revocation older than a
 * token's lifetime and a margin for clocks is forgotten: every token of an older generation has expired by then.
 */
@ApplicationScoped
public class TokenRevocations {
    /** Room for the clocks of the instance that issued a token, the one that revoked it and this one. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    /** Sent when a transaction ends an account's sessions; this instance refuses its old tokens once it commits. */
    public record Revoked(String personId, int generation, Instant at) {
    }

    private record Entry(int generation, Instant at) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sakkaya.jwt.lifetime-seconds", defaultValue = "3600")
    long lifetimeSeconds;

    @Inject
    Event<Revoked> revocations;

    private final ConcurrentMap<String, Entry> revoked = new ConcurrentHashMap<>();

    /**
     * Ends the account's sessions, within the caller's transaction: every token issued until now is refused once it
     * commits, here at once and on the other instances at their next {@link #refresh()}.
     */
    public void revoke(Account account) {
        account.revokeTokens(clock.instant());
        revocations.fire(new Revoked(account.personId(), account.tokenGeneration(), account.tokensRevokedAt()));
    }

    /** Whether a token of the given generation, issued to the person, has been revoked. */
    public boolean refuses(String personId, int tokenGeneration) {
        Entry entry = revoked.get(personId);
        return entry != null && tokenGeneration < entry.generation();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revoked event) {
        note(event.personId(), event.generation(), event.at());
    }

    /** Reads the revocations that may still concern a live token; answers how many there are. */
    public int refresh() {
        Instant since = clock.instant().minus(Duration.ofSeconds(lifetimeSeconds)).minus(CLOCK_MARGIN);
        List<Object[]> rows = em.createQuery(
                        "SELECT a.personId, a.tokenGeneration, a.tokensRevokedAt FROM Account a WHERE a.tokensRevokedAt > :since",
                        Object[].class)
                .setParameter("since", since)
                .getResultList();
        for (Object[] row : rows) {
            note((String) row[0], ((Number) row[1]).intValue(), (Instant) row[2]);
        }
        revoked.values().removeIf(entry -> entry.at().isBefore(since));
        return rows.size();
    }

    /** Keeps the newest generation: a slower read of the database never undoes a revocation this instance saw. */
    private void note(String personId, int generation, Instant at) {
        revoked.merge(personId, new Entry(generation, at), (old, seen) -> seen.generation() > old.generation() ? seen : old);
    }
}
