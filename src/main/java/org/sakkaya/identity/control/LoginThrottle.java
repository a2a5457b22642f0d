package org.sakkaya.identity.control;

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
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.platform.Sha256;

/**
 * Counts failed sign-ins in the database, so that every instance of a cluster sees the same counts, under three keys:
 * <ul>
 * <li>the account at one client address ({@code sakkaya.auth.max-failures-per-account}, default 5): locks that
 * account for that address only, so a stranger who knows an e-mail cannot lock its owner out from elsewhere;</li>
 * <li>the account from all addresses ({@code ...-all-addresses}, default 20): locks it for every address, against
 * guessing spread over many addresses, which at 5 each takes at least four addresses every window;</li>
 * <li>the client address over every account (default 50): locks the address.</li>
 * </ul>
 * A key with too many failures within the window is locked for the lock-out period; after it, the right password
 * works again. A successful sign-in clears the account's counts, not the address's.
 */
@ApplicationScoped
public class LoginThrottle {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The account at one address: the old name of the account's limit, which locked it for everyone before. */
    @Inject
    @ConfigProperty(name = "sakkaya.auth.max-failures-per-account", defaultValue = "5")
    int maxPerAccountAndAddress;

    @Inject
    @ConfigProperty(name = "sakkaya.auth.max-failures-per-account-all-addresses", defaultValue = "20")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "sakkaya.auth.max-failures-per-address", defaultValue = "50")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "sakkaya.auth.window-seconds", defaultValue = "900")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "sakkaya.auth.lockout-seconds", defaultValue = "900")
    long lockoutSeconds;

    /**
     * A limit for all addresses together that is not above one address's would let a stranger's few guesses lock the
     * owner out everywhere again: said at start-up, once.
     */
    void checkLimits(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object started) {
        if (maxPerAccount <= maxPerAccountAndAddress) {
            java.util.logging.Logger.getLogger(LoginThrottle.class.getName()).warning(() -> "sakkaya.auth.max-failures-per-account-all-addresses ("
                    + maxPerAccount + ") is not above sakkaya.auth.max-failures-per-account (" + maxPerAccountAndAddress
                    + "): failures from one address will lock the account for its owner everywhere");
        }
    }

    /** Seconds until the account or the address may try again, if either is locked now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> lockedFor(String email, String address) {
        Instant now = clock.instant();
        List<?> rows = em.createNativeQuery(
                        "SELECT MAX(locked_until) FROM login_throttle WHERE throttle_key IN (?1, ?2, ?3) AND locked_until > ?4")
                .setParameter(1, accountKey(email))
                .setParameter(2, accountAtAddressKey(email, address))
                .setParameter(3, addressKey(address))
                .setParameter(4, utc(now))
                .getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(secondsUntil(now, toInstant(rows.get(0))));
    }

    /**
     * Counts a guess at the account's password before it is checked, in the sign-in's transaction, and answers when
     * it must not be checked: the seconds until the account may try again, when this guess is beyond the account's
     * limit at this address, then at all addresses. The count's row stays locked until the sign-in commits, so guesses
     * sent in parallel (or to several instances) queue on it and each sees the others' counts: no more than a limit's
     * worth is ever checked. (Counted after the check, 32 parallel guesses had 34 checked, two instances 67: the lock
     * came too late for the guesses in flight.) A guess refused at this address is not counted for all addresses, so
     * one address cannot lock the owner out everywhere. No second transaction: a sign-in holding one pooled connection
     * while it waited for another would, 33 at once, have taken the whole pool. A right password then clears the
     * account's counts ({@link #succeeded}); a wrong one is counted against the address ({@link #failed}), which is
     * counted only then: counted before, a training room signing in at once behind one address would lock itself out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> reserve(String email, String address) {
        Optional<Long> refused = countWithin(accountAtAddressKey(email, address), maxPerAccountAndAddress);
        return refused.isPresent() ? refused : countWithin(accountKey(email), maxPerAccount);
    }

    /** Counts one more under the key; the seconds until it may try again when that goes past {@code max}. */
    private Optional<Long> countWithin(String key, int max) {
        count(key, max);
        Object[] row = (Object[]) em.createNativeQuery("SELECT failures, locked_until FROM login_throttle WHERE throttle_key = ?1")
                .setParameter(1, key).getSingleResult();
        if (((Number) row[0]).intValue() <= max) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(secondsUntil(now, row[1] == null ? now : toInstant(row[1])));
    }

    /** Whole seconds until a lock ends, rounded up, at least 1: what Retry-After says. */
    private static long secondsUntil(Instant now, Instant until) {
        return Math.max(1, Duration.between(now, until).toSeconds() + 1);
    }

    /** A guess {@link #reserve reserved} was wrong: the address is counted too (the account was, before the check). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(String email, String address) {
        count(addressKey(address), maxPerAddress);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(String email, String address) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key IN (?1, ?2)")
                .setParameter(1, accountKey(email))
                .setParameter(2, accountAtAddressKey(email, address))
                .executeUpdate();
    }

    /** Forgets every count of the account, at any address (its erasure): they are keyed by its e-mail. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String email) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = ?1 OR throttle_key LIKE ?2")
                .setParameter(1, accountKey(email))
                .setParameter(2, accountAtAddressPrefix(email) + "%")
                .executeUpdate();
    }

    /** Forgets counts whose window and lock are both over; any instance may run it, it is idempotent. */
    @Transactional
    public int forgetExpired() {
        LocalDateTime now = utc(clock.instant());
        return em.createNativeQuery("DELETE FROM login_throttle WHERE window_started_at < ?1 "
                        + "AND (locked_until IS NULL OR locked_until < ?2)")
                .setParameter(1, now.minusSeconds(windowSeconds))
                .setParameter(2, now)
                .executeUpdate();
    }

    private void count(String key, int max) {
        LocalDateTime now = utc(clock.instant());
        // One atomic statement, so parallel failures cannot lose a count. MariaDB assigns left to right, so
        // window_started_at sees the new failures: 1 means a fresh window starts now. A count starts again only once
        // its window is over and no lock holds, or its lock is over: a failure that was already being checked when
        // the lock was set (parallel guesses) adds to the count and never lifts the lock.
        em.createNativeQuery("INSERT INTO login_throttle (throttle_key, failures, window_started_at) VALUES (?1, 1, ?2) "
                        + "ON DUPLICATE KEY UPDATE "
                        + "failures = IF((locked_until IS NULL AND window_started_at < ?3) OR locked_until <= ?2, 1, failures + 1), "
                        + "locked_until = IF(failures = 1, NULL, locked_until), "
                        + "window_started_at = IF(failures = 1, ?2, window_started_at)")
                .setParameter(1, key)
                .setParameter(2, now)
                .setParameter(3, now.minusSeconds(windowSeconds))
                .executeUpdate();
        em.createNativeQuery("UPDATE login_throttle SET locked_until = ?1 WHERE throttle_key = ?2 AND failures >= ?3")
                .setParameter(1, now.plusSeconds(lockoutSeconds))
                .setParameter(2, key)
                .setParameter(3, max)
                .executeUpdate();
    }

    /** The throttle key of an account: a hash, so that the table holds no e-mail addresses. */
    static String accountKey(String email) {
        return "account:" + emailHash(email);
    }

    /** The account at one address, both hashed and shortened to fit the key's 100 characters. */
    static String accountAtAddressKey(String email, String address) {
        return accountAtAddressPrefix(email) + Sha256.hex(address == null ? "unknown" : address).substring(0, 40);
    }

    private static String accountAtAddressPrefix(String email) {
        return "account-at:" + emailHash(email).substring(0, 40) + "@";
    }

    private static String emailHash(String email) {
        return Sha256.hex(String.valueOf(email).strip().toLowerCase(java.util.Locale.ROOT));
    }

    static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected time value " + value.getClass());
    }
}
