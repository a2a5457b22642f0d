package org.sakkaya.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.identity.control.EmailDomains;
import org.sakkaya.identity.control.LoginThrottle;
import org.sakkaya.identity.control.PasswordHasher;
import org.sakkaya.identity.control.PasswordPolicy;
import org.sakkaya.identity.control.PasswordResetLinks;
import org.sakkaya.identity.control.PasswordResetMail;
import org.sakkaya.identity.control.RegistrationMail;
import org.sakkaya.identity.control.TokenRevocations;
import org.sakkaya.identity.entity.Account;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.platform.Sha256;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.mail.Mailer;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotConfigured;
import org.sakkaya.platform.problem.ServiceUnavailable;
import org.sakkaya.platform.problem.TooManyRequests;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.ClientAddresses;
import org.sakkaya.platform.security.RateLimiter;

/**
 * A trainee who forgot their password sets a new one with a link mailed to their address: owning the mailbox is the
 * proof, as at self-registration. The answer to a request is the same whether or not the address has an account,
 * and the account is looked up after the answer, so that neither what it says nor how long it takes tells anyone who
 * is registered. Staff with other roles, and accounts whose address HR chose, get a note to ask an ADMIN instead of
 * a link ({@link PasswordResetLinks#mayResetByMail}); an ADMIN resets them ({@code POST /people/{id}/invitation}).
 */
@ApplicationScoped
public class PasswordResets {
    static final Duration LINK_LIFETIME = Duration.ofHours(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    PasswordResetLinks links;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenRevocations revocations;

    @Inject
    LoginThrottle throttle;

    @Inject
    RateLimiter limiter;

    @Inject
    Mailer mailer;

    @Inject
    Audit audit;

    @Inject
    Event<PasswordSet> passwordSet;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "sakkaya.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "sakkaya.password-reset.link")
    Optional<String> linkTemplate;

    @Inject
    @ConfigProperty(name = "sakkaya.password-reset.max-per-email-per-hour", defaultValue = "3")
    int maxPerEmail;

    @Inject
    @ConfigProperty(name = "sakkaya.password-reset.max-per-address-per-hour", defaultValue = "200")
    int maxPerAddress;

    /** What a request answers: the address as read, and until when a link sent now would work. */
    public record Requested(String email, Instant linkExpiresAt) {
    }

    /** A password was set with a link: after the commit, the address is told. */
    public record PasswordSet(String email) {
    }

    /**
     * Counts the request and answers; the rest happens after the answer, so that neither what it says nor how long it
     * takes tells whether the address has an account. Requests are counted per client address and per address as
     * typed (by its SHA-256), whether or not it has an account, so that the count tells nobody either.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Requested request(String typedEmail) {
        if (!mailer.configured()) {
            throw new NotConfigured("Password reset by e-mail (an outgoing mail server)", "sakkaya.mail.host, sakkaya.mail.from");
        }
        String client = caller.clientAddress();
        long wait = limiter.hit("password-reset-address:" + ClientAddresses.countingBlock(client), maxPerAddress, HOUR);
        if (wait > 0) {
            throw new TooManyRequests("Too many password-reset requests from this address; try again later", wait);
        }
        String email = Person.normalizeEmail(typedEmail);
        List<String> spellings = EmailDomains.spellings(email);
        // the spellings of a Thai domain count as one, as they sign in as one
        wait = limiter.hit("password-reset-email:" + Sha256.hex(spellings.stream().sorted().findFirst().orElse(email)), maxPerEmail, HOUR);
        if (wait > 0) {
            throw new TooManyRequests("Mail may have been sent to this address a moment ago: look for it, or try again later", wait);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(LINK_LIFETIME);
        try {
            // a moment later, at a moment of chance: the work an account costs then falls among other requests, not
            // on the caller's next one
            // the scheduler's few threads only wait; the look-up and the mail run on the executor's
            scheduler.schedule(() -> later(() -> mailLink(spellings, now, expires, client)), 200 + RANDOM.nextInt(1800), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            throw new ServiceUnavailable("busy", "The server is busy; try again in a moment", 5);
        }
        return new Requested(email, expires);
    }

    /**
     * After the answer: the account of the address, if any, gets a link, or, when a link may not reset it (staff with
     * other roles, an address HR chose), a note to ask an ADMIN; an address without an account gets nothing. The
     * account is counted too (at most as many mails an hour as an address): look-alike spellings of one address
     * (an accent, a full-width letter) find the same account under counts of their own.
     */
    private void mailLink(List<String> spellings, Instant now, Instant expires, String client) {
        try {
            Optional<PasswordResetLinks.Holder> holder = links.holderOf(spellings);
            if (holder.isEmpty() || limiter.hit("password-reset-account:" + Sha256.hex(holder.get().personId()), maxPerEmail, HOUR) > 0) {
                return;
            }
            Optional<PasswordResetLinks.Prepared> prepared = holder.get().mayResetByMail()
                    ? links.prepare(holder.get().personId(), now, expires, client) : Optional.empty();
            if (prepared.isPresent()) {
                send(prepared.get().email(), PasswordResetMail.link(link(prepared.get().token()), expires));
            } else {
                send(holder.get().email(), PasswordResetMail.askAnAdministrator());
            }
        } catch (RuntimeException e) {
            // nobody waits for this answer: the log says what failed, without the address
            LOG.warning(() -> "Could not prepare a password-reset mail: " + e.getClass().getName());
        }
    }

    /** The address a link is for, while it can set a password; empty for a link used, replaced, expired or void. */
    @Transactional
    public Optional<String> linkFor(String token) {
        return links.find(token).flatMap(pending -> usable(pending, LockModeType.NONE)).map(Person::email);
    }

    /**
     * Sets the new password: every session of the person ends, a sign-in lock on the account is lifted, the link is
     * spent, and the address is told once the change is committed. A weak password is a 400 on {@code password} and
     * leaves the link working; a link used, replaced, expired, or void (the address changed, the password changed
     * since it was asked for, the account no longer one reset by mail) is a 400 on {@code token}.
     */
    @Transactional
    public Person complete(String token, String password) {
        PasswordResetLinks.Pending pending = links.take(token).orElseThrow(PasswordResets::unusable);
        Person person = usable(pending, LockModeType.PESSIMISTIC_WRITE).orElseThrow(PasswordResets::unusable);
        PasswordPolicy.check(password, person.email()).ifPresent(problem -> {
            throw new InvalidInput("password", problem);
        });
        Account account = em.find(Account.class, person.id());
        account.setPassword(hasher.hash(password), clock.instant());
        revocations.revoke(account);
        throttle.forget(person.email());
        links.forget(person.id());
        audit.recordAs(person.id(), "PASSWORD_RESET_BY_MAIL", "person", person.id(), null);
        passwordSet.fire(new PasswordSet(person.email()));
        return person;
    }

    /** Runs a reset's mail work on the executor; nobody waits for it. */
    private void later(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.warning("Could not send a password-reset mail: the server is shutting down or busy");
        }
    }

    /** Tells the address that its password was set, once that is committed. */
    void told(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasswordSet set) {
        later(() -> send(set.email(), PasswordResetMail.changed()));
    }

    /** The person the link is for, if it can still set their password; the account is read with the lock given. */
    private Optional<Person> usable(PasswordResetLinks.Pending pending, LockModeType lock) {
        Person person = em.find(Person.class, pending.personId());
        Account account = person == null ? null : em.find(Account.class, person.id(), lock);
        if (person == null || !PasswordResetLinks.mayResetByMail(person, account)
                // mailed to an address the account no longer has
                || !Sha256.hex(person.email()).equals(pending.emailHash())
                // the password was changed (or an invitation accepted) after the link was asked for
                || (account.passwordChangedAt() != null && account.passwordChangedAt().isAfter(pending.requestedAt()))) {
            return Optional.empty();
        }
        return Optional.of(person);
    }

    /** Sends one of the reset's mails; which one is not logged, as it would say whether the address has an account. */
    private void send(String email, RegistrationMail.Message message) {
        try {
            mailer.send(email, message.subject(), message.text());
        } catch (Mailer.NotSent e) {
            // the Mailer logged why, without the address; nobody waits for this answer
            LOG.warning(() -> "Could not send a password-reset mail: " + e.getMessage());
        }
    }

    private String link(String token) {
        return org.sakkaya.platform.OneTimeTokens.link(linkTemplate, publicUrl, "/reset-password", token);
    }

    private static InvalidInput unusable() {
        return new InvalidInput("token", "is unknown, used or expired: ask for a new link");
    }
}
