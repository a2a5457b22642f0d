package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.identity.control.EmailDomains;
import org.sakkaya.identity.control.RegistrationLinks;
import org.sakkaya.identity.control.RegistrationMail;
import org.sakkaya.identity.entity.Organization;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.identity.entity.PersonName;
import org.sakkaya.platform.Sha256;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.mail.Mailer;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotConfigured;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.problem.ServiceUnavailable;
import org.sakkaya.platform.problem.TooManyRequests;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.ClientAddresses;
import org.sakkaya.platform.security.RateLimiter;

/**
 * Staff register themselves by e-mail, as the bank academy's anywhere-anytime e-learning has them do: an address at a
 * domain an organisation named ({@code registrationDomains}) asks for a link; the link, sent to that address, lets its
 * owner give their name, choose a password and accept the privacy notice, and makes them a TRAINEE of that
 * organisation, who may then enrol in cohorts open for enrolment. Owning the mailbox is the proof: nobody else sees the
 * link or the password. The answer to a request is the same whether or not the address has an account (that address
 * gets a note saying so instead of a link), so the request tells nobody who is registered.
 */
@ApplicationScoped
public class Registrations {
    static final Duration LINK_LIFETIME = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    RegistrationLinks links;

    @Inject
    RateLimiter limiter;

    @Inject
    Mailer mailer;

    @Inject
    Audit audit;

    @Inject
    @ConfigProperty(name = "sakkaya.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "sakkaya.registration.link")
    Optional<String> linkTemplate;

    @Inject
    @ConfigProperty(name = "sakkaya.registration.privacy-notice-url")
    Optional<String> privacyNoticeUrl;

    @Inject
    @ConfigProperty(name = "sakkaya.registration.max-per-email-per-hour", defaultValue = "3")
    int maxPerEmail;

    @Inject
    @ConfigProperty(name = "sakkaya.registration.max-per-address-per-hour", defaultValue = "200")
    int maxPerAddress;

    /** What a request answers: where the mail went, and until when its link works. */
    public record Requested(String email, Instant linkExpiresAt) {
    }

    /**
     * Sends the link (or the note that the address has an account) to the address. The link is stored and committed
     * before the mail goes, and taken back when the mail server does not take the message. Requests are counted per
     * client address and per e-mail address (the count keyed by the address's SHA-256, never the address), so that
     * nobody can fill a colleague's mailbox.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Requested request(String typedEmail) {
        if (!mailer.configured()) {
            throw new NotConfigured("Self-registration by e-mail (an outgoing mail server)", "sakkaya.mail.host, sakkaya.mail.from");
        }
        long wait = limiter.hit("registration-address:" + ClientAddresses.countingBlock(caller.clientAddress()), maxPerAddress, HOUR);
        if (wait > 0) {
            throw new TooManyRequests("Too many registration requests from this address; try again later", wait);
        }
        String email = EmailDomains.canonicalAddress(typedEmail).orElseThrow(() -> new InvalidInput("email",
                "must be an address as organisations give them: letters, digits and . _ - before the @, and a domain after it"));
        String domain = EmailDomains.ofAddress(email).orElseThrow();
        Organization organization = organizations.takingRegistrationsFor(domain).orElseThrow(() -> notOpen(domain, "email"));
        // counted by the address's SHA-256: the count keeps no address
        String perAddress = "registration-email:" + Sha256.hex(email);
        wait = limiter.hit(perAddress, maxPerEmail, HOUR);
        if (wait > 0) {
            throw new TooManyRequests("Mail was sent to this address a moment ago: look for it, or try again later", wait);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(LINK_LIFETIME);
        // an account registered by HR may keep a Thai domain as typed, where this address has its xn-- spelling
        Optional<RegistrationLinks.Prepared> prepared = links.prepare(email, EmailDomains.spellings(email), organization.id(), now, expires);
        RegistrationMail.Message message = prepared
                .map(p -> RegistrationMail.link(organization.nameTh(), organization.nameEn(), link(p.token()), expires, privacyNoticeUrl.orElse(null)))
                .orElseGet(RegistrationMail::existingAccount);
        try {
            mailer.send(email, message.subject(), message.text());
        } catch (Mailer.NotSent notSent) {
            // each undone on its own: a failure of one (the database gone too) must not hide why the request failed
            prepared.ifPresent(p -> undo(() -> links.withdraw(email, p), "take back the link whose mail was not sent"));
            // a mail that was not sent does not count against the address's hour
            undo(() -> limiter.forgive(perAddress), "take back the count of a mail that was not sent");
            if (notSent.addressRefused()) {
                throw new RuleViolation("mail-refused", "The mail server of " + domain + " refused this address",
                        new FieldError("email", "was refused by the mail server of its domain: check it"));
            }
            throw new ServiceUnavailable("mail-unavailable", "The mail server did not take the message; try again in a minute", 60);
        }
        return new Requested(email, expires);
    }

    /**
     * Makes the account the link was for: a TRAINEE of the organisation that takes registrations for the address's
     * domain now. Refused as a whole (the link still works) for a missing name, a weak password or a privacy notice not
     * accepted; a link used, replaced by a newer one or older than a day is a 400 on {@code token}.
     */
    @Transactional
    public Person complete(RegistrationCompletion completion) {
        if (!Boolean.TRUE.equals(completion.acceptPrivacyNotice())) {
            throw new InvalidInput("acceptPrivacyNotice", "must be true: an account is made only for someone who accepts the privacy notice");
        }
        RegistrationLinks.Pending pending = links.take(completion.token())
                .orElseThrow(() -> new InvalidInput("token", "is unknown, used or expired: ask for a new link"));
        String domain = EmailDomains.ofAddress(pending.email()).orElseThrow();
        // the organisation the mail named, if it still takes the domain: an address given to another one since is not
        // registered into an organisation its owner was not told of
        // read with a lock: an ADMIN taking the domain away at this moment goes first or after, not in between
        Organization organization = organizations.takingRegistrationsForLocked(domain)
                .filter(o -> o.id().equals(pending.organizationId()))
                .orElseThrow(() -> notOpen(domain, "token"));
        Person person = people.createSelfRegistered(pending.email(),
                new PersonName(completion.titleTh(), completion.firstNameTh(), completion.lastNameTh(),
                        completion.titleEn(), completion.firstNameEn(), completion.lastNameEn()),
                organization.id(), completion.position(), completion.password());
        links.spend(pending.email());
        audit.recordAs(person.id(), "SELF_REGISTERED", "person", person.id(),
                "privacy notice accepted" + privacyNoticeUrl.map(url -> " (" + url + ")").orElse(""));
        return person;
    }

    private static void undo(Runnable work, String what) {
        try {
            work.run();
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(Registrations.class.getName())
                    .warning(() -> "Could not " + what + ": " + e.getClass().getSimpleName());
        }
    }

    /** What a valid link is for, as the registration page shows it: the address and the organisation's names. */
    public record LinkFor(String email, String organizationNameTh, String organizationNameEn, Instant expiresAt) {
    }

    /** The address and organisation a link is for, while it is valid; empty for a link used, replaced or expired. */
    public Optional<LinkFor> linkFor(String token) {
        return links.find(token).flatMap(pending -> EmailDomains.ofAddress(pending.email())
                .flatMap(organizations::takingRegistrationsFor)
                .filter(o -> o.id().equals(pending.organizationId()))
                .map(o -> new LinkFor(pending.email(), o.nameTh(), o.nameEn(), pending.expiresAt())));
    }

    /** The privacy notice the person accepts, when the installation names one. */
    public Optional<String> privacyNoticeUrl() {
        return privacyNoticeUrl;
    }

    private String link(String token) {
        return org.sakkaya.platform.OneTimeTokens.link(linkTemplate, publicUrl, "/register", token);
    }

    private static RuleViolation notOpen(String domain, String field) {
        return new RuleViolation("registration-not-open", "No organisation here takes registrations for addresses at " + domain
                + ": ask your HR to register you", new FieldError(field, field.equals("email")
                ? "is at a domain no organisation here registers its staff from"
                : "is for an organisation that no longer registers its staff from this address's domain: ask for a new link"));
    }
}
