package org.sakkaya.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.platform.OneTimeTokens;
import org.sakkaya.platform.Sha256;
import static org.sakkaya.platform.persistence.InstantConverter.instant;
import static org.sakkaya.platform.persistence.InstantConverter.utc;
import org.sakkaya.platform.audit.Audit;

/**
 * The pending links of self-registration ({@code registration}, V034): one per address, the newest replacing the one
 * before, kept as the SHA-256 of its token. A link is taken under a row lock, so two uses of one link at once make one
 * account; it goes when used, and {@link #forgetExpired} removes those nobody used.
 */
@ApplicationScoped
public class RegistrationLinks {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    /** A link not used yet. */
    public record Pending(String email, String organizationId, Instant requestedAt, Instant expiresAt) {
    }

    /** The link a new one replaced, put back if the new one's mail is not sent. */
    public record Replaced(String tokenHash, String organizationId, Instant requestedAt, Instant expiresAt) {
    }

    /** A new link: its token, and the link it replaced (null when there was none). */
    public record Prepared(String token, Replaced replaced) {
    }

    /**
     * A new link for this address into this organisation; a link sent before stops working. Empty, and nothing
     * stored, when a person has the address already, in any of these spellings. The person is looked for after the
     * link's row is written, with a locking read: a completion of this address's link at the same moment commits
     * first (it holds the row), and its person is then seen.
     */
    @Transactional
    public Optional<Prepared> prepare(String email, Collection<String> spellings, String organizationId, Instant now, Instant expiresAt) {
        audit.recordAs(null, "REGISTRATION_REQUESTED", "organization", organizationId, null);
        List<?> before = em.createNativeQuery("SELECT token_hash, organization_id, requested_at, expires_at FROM registration WHERE email = ?1")
                .setParameter(1, email).getResultList();
        Replaced replaced = before.stream().map(row -> (Object[]) row)
                .map(row -> new Replaced((String) row[0], (String) row[1], instant(row[2]), instant(row[3])))
                .findFirst().orElse(null);
        String token = OneTimeTokens.next();
        em.createNativeQuery("INSERT INTO registration (email, organization_id, token_hash, requested_at, expires_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON DUPLICATE KEY UPDATE organization_id = VALUES(organization_id),"
                        + " token_hash = VALUES(token_hash), requested_at = VALUES(requested_at), expires_at = VALUES(expires_at)")
                .setParameter(1, email).setParameter(2, organizationId).setParameter(3, Sha256.hex(token))
                .setParameter(4, utc(now)).setParameter(5, utc(expiresAt))
                .executeUpdate();
        // a locking read (EclipseLink writes FOR UPDATE) reads the rows as committed now, not as this transaction's snapshot
        boolean registered = !em.createQuery("SELECT p FROM Person p WHERE p.email IN :spellings", Person.class)
                .setParameter("spellings", List.copyOf(new LinkedHashSet<>(spellings)))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().isEmpty();
        if (registered) {
            forget(email);
            return Optional.empty();
        }
        return Optional.of(new Prepared(token, replaced));
    }


    /** The link whose token this is, if it is still valid, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Pending> take(String token) {
        return find(token, " FOR UPDATE");
    }

    /** The link whose token this is, if it is still valid: what the registration page shows before the form is sent. */
    public Optional<Pending> find(String token) {
        return find(token, "");
    }

    private Optional<Pending> find(String token, String lock) {
        List<?> rows = em.createNativeQuery("SELECT email, organization_id, requested_at, expires_at FROM registration"
                        + " WHERE token_hash = ?1" + lock)
                .setParameter(1, Sha256.hex(token)).getResultList();
        return rows.stream().map(row -> pending((Object[]) row))
                .filter(pending -> clock.instant().isBefore(pending.expiresAt()))
                .findFirst();
    }

    /** The link was used: it goes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void spend(String email) {
        forget(email);
    }

    /**
     * A link whose mail was not sent goes again, and the one it replaced (whose mail was sent) works again; unless a
     * newer link replaced it meanwhile.
     */
    @Transactional
    public void withdraw(String email, Prepared prepared) {
        if (prepared.replaced() == null) {
            em.createNativeQuery("DELETE FROM registration WHERE email = ?1 AND token_hash = ?2")
                    .setParameter(1, email).setParameter(2, Sha256.hex(prepared.token())).executeUpdate();
            return;
        }
        Replaced old = prepared.replaced();
        em.createNativeQuery("UPDATE registration SET token_hash = ?1, organization_id = ?2, requested_at = ?3, expires_at = ?4"
                        + " WHERE email = ?5 AND token_hash = ?6")
                .setParameter(1, old.tokenHash()).setParameter(2, old.organizationId()).setParameter(3, utc(old.requestedAt()))
                .setParameter(4, utc(old.expiresAt())).setParameter(5, email).setParameter(6, Sha256.hex(prepared.token()))
                .executeUpdate();
    }

    /** The pending link of this address, for the person's personal-data export. */
    public List<Pending> of(String email) {
        List<?> rows = em.createNativeQuery("SELECT email, organization_id, requested_at, expires_at FROM registration WHERE email = ?1")
                .setParameter(1, email).getResultList();
        return rows.stream().map(row -> pending((Object[]) row)).toList();
    }

    /** Removes the pending link of this address (an erasure, a link used, an address found registered). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String email) {
        em.createNativeQuery("DELETE FROM registration WHERE email = ?1").setParameter(1, email).executeUpdate();
    }

    /** Removes the links that expired: their addresses serve nothing any more (PDPA). */
    @Transactional
    public int forgetExpired() {
        return em.createNativeQuery("DELETE FROM registration WHERE expires_at <= ?1")
                .setParameter(1, utc(clock.instant())).executeUpdate();
    }

    private static Pending pending(Object[] row) {
        return new Pending((String) row[0], (String) row[1], instant(row[2]), instant(row[3]));
    }
}
