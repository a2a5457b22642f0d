package org.sakkaya.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.sakkaya.identity.entity.Account;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.identity.entity.Role;
import org.sakkaya.platform.OneTimeTokens;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.Sha256;
import static org.sakkaya.platform.persistence.InstantConverter.instant;
import static org.sakkaya.platform.persistence.InstantConverter.utc;

/**
 * The pending links of password resets by e-mail ({@code password_reset}, V036): one per person, the newest replacing
 * the one before, kept as the SHA-256 of its token and of the address it was mailed to (never the address). A link is
 * taken under a row lock, so two uses of one link at once set one password; it goes when used, and
 * {@link #forgetExpired} removes those nobody used.
 */
@ApplicationScoped
public class PasswordResetLinks {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    /** A link not used yet: whose, the SHA-256 of the address it went to, and when. */
    public record Pending(String personId, String emailHash, Instant requestedAt, Instant expiresAt) {
    }

    /** The account an address signs in to: whose, its address as kept, and whether a link may reset it. */
    public record Holder(String personId, String email, boolean mayResetByMail) {
    }

    /**
     * Whether a link mailed to the person's address may set their password: the account of a TRAINEE only (staff
     * with other roles, whose accounts are worth more to take over, are reset by an ADMIN), not erased, and not one
     * whose address HR chose ({@link Account#resetByMailWithheld}).
     */
    public static boolean mayResetByMail(Person person, Account account) {
        return !person.erased() && account != null && person.roles().equals(java.util.EnumSet.of(Role.TRAINEE))
                && !account.resetByMailWithheld();
    }

    /** The account of this address, under any of its spellings, as sign-in finds it; empty for none or an erased one. */
    @Transactional
    public Optional<Holder> holderOf(Collection<String> spellings) {
        return em.createQuery("SELECT p FROM Person p WHERE p.email IN :spellings ORDER BY p.createdAt", Person.class)
                .setParameter("spellings", List.copyOf(new LinkedHashSet<>(spellings)))
                .getResultStream().findFirst()
                .filter(person -> !person.erased())
                .map(person -> new Holder(person.id(), person.email(), mayResetByMail(person, em.find(Account.class, person.id()))));
    }

    /**
     * A new link for the person, if a link may still reset their account, to be mailed to the address they have now
     * (answered with the token); a link sent before stops working. Recorded as asked from the request's client address.
     */
    @Transactional
    public Optional<Prepared> prepare(String personId, Instant now, Instant expiresAt, String clientAddress) {
        Person person = em.find(Person.class, personId);
        if (person == null || !mayResetByMail(person, em.find(Account.class, personId))) {
            return Optional.empty();
        }
        // by nobody known: whoever asked may be someone else, whose client address the person's export does not show;
        // an erasure of the person removes it (IdentityPersonalData)
        audit.recordAs(null, "PASSWORD_RESET_REQUESTED", "person", personId, null, clientAddress);
        String token = store(personId, Sha256.hex(person.email()), now, expiresAt);
        return Optional.of(new Prepared(person.email(), token));
    }

    /** A new link: the address to mail it to (as the account keeps it), and its token. */
    public record Prepared(String email, String token) {
    }

    private String store(String personId, String emailHash, Instant now, Instant expiresAt) {
        String token = OneTimeTokens.next();
        em.createNativeQuery("INSERT INTO password_reset (person_id, email_hash, token_hash, requested_at, expires_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON DUPLICATE KEY UPDATE email_hash = VALUES(email_hash),"
                        + " token_hash = VALUES(token_hash), requested_at = VALUES(requested_at), expires_at = VALUES(expires_at)")
                .setParameter(1, personId).setParameter(2, emailHash).setParameter(3, Sha256.hex(token))
                .setParameter(4, utc(now)).setParameter(5, utc(expiresAt))
                .executeUpdate();
        return token;
    }

    /** The link whose token this is, if it has not expired, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Pending> take(String token) {
        return find(token, " FOR UPDATE");
    }

    /** The link whose token this is, if it has not expired: what the reset page checks before it shows the form. */
    public Optional<Pending> find(String token) {
        return find(token, "");
    }

    private Optional<Pending> find(String token, String lock) {
        List<?> rows = em.createNativeQuery("SELECT person_id, email_hash, requested_at, expires_at FROM password_reset"
                        + " WHERE token_hash = ?1" + lock)
                .setParameter(1, Sha256.hex(token)).getResultList();
        return rows.stream().map(row -> pending((Object[]) row))
                .filter(pending -> clock.instant().isBefore(pending.expiresAt()))
                .findFirst();
    }

    /** The pending link of this person, for their personal-data export. */
    public List<Pending> of(String personId) {
        List<?> rows = em.createNativeQuery("SELECT person_id, email_hash, requested_at, expires_at FROM password_reset WHERE person_id = ?1")
                .setParameter(1, personId).getResultList();
        return rows.stream().map(row -> pending((Object[]) row)).toList();
    }

    /** Removes the person's pending link: used, or no longer to be used (an address changed, an ADMIN's reset, an erasure). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String personId) {
        em.createNativeQuery("DELETE FROM password_reset WHERE person_id = ?1").setParameter(1, personId).executeUpdate();
    }

    /** Removes the links that expired. */
    @Transactional
    public int forgetExpired() {
        return em.createNativeQuery("DELETE FROM password_reset WHERE expires_at <= ?1")
                .setParameter(1, utc(clock.instant())).executeUpdate();
    }

    private static Pending pending(Object[] row) {
        return new Pending((String) row[0], (String) row[1], instant(row[2]), instant(row[3]));
    }
}
