package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sakkaya.identity.control.EmailDomains;
import org.sakkaya.identity.control.LoginThrottle;
import org.sakkaya.identity.control.PasswordHasher;
import org.sakkaya.identity.control.PasswordResetLinks;
import org.sakkaya.identity.control.PasswordPolicy;
import org.sakkaya.identity.control.TokenIssuer;
import org.sakkaya.identity.control.TokenRevocations;
import org.sakkaya.identity.entity.Account;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.platform.Sha256;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.TooManyRequests;
import org.sakkaya.platform.problem.Unauthenticated;
import org.sakkaya.platform.security.Caller;

/** Sign-in and invitations. A failed sign-in is counted and audited, so it must not roll back. */
@ApplicationScoped
public class Authentication {
    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenIssuer tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenRevocations revocations;

    @Inject
    PasswordResetLinks resetLinks;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public record SignedIn(TokenIssuer.IssuedToken token, List<String> roles) {
    }

    @Transactional(dontRollbackOn = {Unauthenticated.class, TooManyRequests.class})
    public SignedIn signIn(String email, String password) {
        String address = caller.clientAddress();
        Person person = findByEmail(email);
        // the account's own e-mail keys its count, not the one typed: the column's collation matches look-alike
        // spellings (an accent, a full-width letter, a zero-width space), and each would otherwise count apart
        String counted = person == null ? email : person.email();
        var locked = throttle.lockedFor(counted, address);
        if (locked.isPresent()) {
            audit.recordAs(person == null ? null : person.id(), "LOGIN_THROTTLED", "person",
                    person == null ? null : person.id(), null);
            throw new TooManyRequests("Too many failed sign-ins; try again later", locked.get());
        }
        Optional<Long> beyond = throttle.reserve(counted, address);
        if (beyond.isPresent()) {
            // beyond the limit with the guesses checked meanwhile, which lock the account if they were wrong
            audit.recordAs(person == null ? null : person.id(), "LOGIN_THROTTLED", "person",
                    person == null ? null : person.id(), null);
            throw new TooManyRequests("Too many failed sign-ins; try again later", beyond.get());
        }
        Account account = person == null || person.erased() ? null : em.find(Account.class, person.id());
        boolean valid = hasher.matches(password, account == null ? null : account.passwordHash());
        if (!valid) {
            throttle.failed(counted, address);
            audit.recordAs(person == null ? null : person.id(), "LOGIN_FAILED", "person",
                    person == null ? null : person.id(), person == null ? "unknown e-mail" : "wrong password");
            throw new Unauthenticated("The e-mail or the password is wrong");
        }
        throttle.succeeded(counted, address);
        audit.recordAs(person.id(), "LOGIN_SUCCEEDED", "person", person.id(), null);
        List<String> roles = person.roles().stream().map(Enum::name).sorted().toList();
        return new SignedIn(tokens.issue(person.id(), person.email(), person.organizationId(), roles, account.tokenGeneration()), roles);
    }

    /**
     * The caller changes their own password, proving the current one. A wrong one counts against the account as a
     * failed sign-in does, so that a stolen token cannot be used to guess the password. Every session ends, this one
     * too: whoever had a token (or the old password) is signed out, and the person signs in with the new password.
     */
    @Transactional(dontRollbackOn = {InvalidInput.class, TooManyRequests.class})
    public void changePassword(String current, String next) {
        Person person = em.find(Person.class, caller.personId());
        Account account = person == null || person.erased() ? null : em.find(Account.class, person.id());
        if (account == null) {
            throw new Unauthenticated("This account can no longer sign in");
        }
        // a reset link asked for before stops working: removed first, as a completion locks the link, then the account,
        // then the sign-in counts this takes next (a wrong current password commits the removal too: the caller is
        // signed in, and a link mailed to them is theirs to ask for again)
        resetLinks.forget(person.id());
        String address = caller.clientAddress();
        var locked = throttle.lockedFor(person.email(), address);
        if (locked.isPresent()) {
            throw new TooManyRequests("Too many failed attempts; try again later", locked.get());
        }
        Optional<Long> beyond = throttle.reserve(person.email(), address);
        if (beyond.isPresent()) {
            throw new TooManyRequests("Too many failed attempts; try again later", beyond.get());
        }
        if (!hasher.matches(current, account.passwordHash())) {
            throttle.failed(person.email(), address);
            audit.recordAs(person.id(), "PASSWORD_CHANGE_FAILED", "person", person.id(), null);
            throw new InvalidInput("currentPassword", "is not your current password");
        }
        // the right password clears the guess counted for it, whether or not the new one is accepted
        throttle.succeeded(person.email(), address);
        PasswordPolicy.check(next, person.email()).ifPresent(problem -> {
            throw new InvalidInput("newPassword", problem);
        });
        account.setPassword(hasher.hash(next), clock.instant());
        revocations.revoke(account);
        audit.recordAs(person.id(), "PASSWORD_CHANGED", "person", person.id(), null);
    }

    /** Signs the caller out everywhere: every token of theirs issued until now is refused. */
    @Transactional
    public void signOut() {
        Account account = em.find(Account.class, caller.personId());
        if (account != null) {
            revocations.revoke(account);
            audit.record("SIGNED_OUT", "person", account.personId(), null);
        }
    }

    /** Sets the first password with a one-time invitation token; the token is spent. */
    @Transactional
    public String acceptInvitation(String token, String password) {
        // the account found by the token's hash, then locked by its key and read again as committed now: two uses of
        // one invitation at once (a double click, a link opened twice) set one password, and the other finds the
        // invitation spent (a lock taken through the hash's index made the waiting ones deadlock, answered 503)
        String hash = sha256(token);
        Account account = em.createQuery("SELECT a.personId FROM Account a WHERE a.invitationHash = :hash", String.class)
                .setParameter("hash", hash)
                .getResultStream().findFirst()
                .map(id -> em.find(Account.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .filter(a -> a.invitationHash() != null && java.security.MessageDigest.isEqual(
                        hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        a.invitationHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII)) && a.invitationValidAt(clock.instant()))
                .orElseThrow(() -> new InvalidInput("token", "is unknown, used or expired"));
        Person person = em.find(Person.class, account.personId());
        PasswordPolicy.check(password, person.email()).ifPresent(problem -> {
            throw new InvalidInput("password", problem);
        });
        resetLinks.forget(person.id());
        account.setPassword(hasher.hash(password), clock.instant());
        audit.recordAs(person.id(), "INVITATION_ACCEPTED", "person", person.id(), null);
        return person.email();
    }

    /** The address of the person a usable invitation is for, for the page that takes it; empty for any other token. */
    @Transactional
    public Optional<String> invitationFor(String token) {
        return em.createQuery("SELECT a FROM Account a WHERE a.invitationHash = :hash", Account.class)
                .setParameter("hash", sha256(token))
                .getResultStream().findFirst()
                .filter(a -> a.invitationValidAt(clock.instant()))
                .map(a -> em.find(Person.class, a.personId()))
                .filter(p -> !p.erased())
                .map(Person::email);
    }

    private Person findByEmail(String email) {
        // under each spelling of the address: self-registration keeps a Thai domain in its xn-- form, HR as typed
        return em.createQuery("SELECT p FROM Person p WHERE p.email IN :spellings ORDER BY p.createdAt", Person.class)
                .setParameter("spellings", EmailDomains.spellings(email))
                .getResultStream().findFirst().orElse(null);
    }

    static String sha256(String value) {
        return Sha256.hex(value);
    }
}
