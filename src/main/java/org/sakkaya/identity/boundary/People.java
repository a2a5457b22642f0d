package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sakkaya.identity.control.EmailDomains;
import org.sakkaya.identity.control.LoginThrottle;
import org.sakkaya.identity.control.PasswordHasher;
import org.sakkaya.identity.control.PasswordResetLinks;
import org.sakkaya.identity.control.PasswordPolicy;
import org.sakkaya.identity.control.TokenRevocations;
import org.sakkaya.identity.entity.Account;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.identity.entity.PersonName;
import org.sakkaya.identity.entity.Role;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.RecordVersions;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.privacy.PersonalDataHolder;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FallbackExceptionMapper;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.Forbidden;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;

/**
 * People and their roles. ADMIN sees and manages everyone; HR sees and manages the staff of its own organisation
 * subtree and may only make them trainees; a person may read their own record. Anyone else is told "not found".
 */
@ApplicationScoped
public class People {
    static final int SEARCH_WORDS = 5;

    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
    private static final Set<Role> HR_GRANTABLE = EnumSet.of(Role.TRAINEE);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    OrganizationScope scope;

    @Inject
    Organizations organizations;

    @Inject
    PasswordHasher hasher;

    @Inject
    Audit audit;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenRevocations revocations;

    @Inject
    PasswordResetLinks resetLinks;

    @Inject
    Instance<PersonalDataHolder> holders;

    public record Created(Person person, String invitationToken, Instant invitationExpiresAt) {
    }

    @Transactional
    public Created create(PersonRequest request) {
        organizations.find(request.organizationId());
        requireManageable(request.organizationId(), "organizationId");
        requireGrantable(request.roles());
        requireNotBlank("firstNameTh", request.firstNameTh());
        requireNotBlank("lastNameTh", request.lastNameTh());
        String email = Person.normalizeEmail(request.email());
        requireFreeEmail(email, null);
        Instant now = clock.instant();
        Person person = new Person(email, new PersonName(request.titleTh(), request.firstNameTh(), request.lastNameTh(),
                request.titleEn(), request.firstNameEn(), request.lastNameEn()), request.organizationId(),
                request.position(), request.roles(), now);
        Account account = new Account(person);
        String invitation = null;
        Instant invitationExpires = null;
        if (request.initialPassword() != null) {
            PasswordPolicy.check(request.initialPassword(), email)
                    .ifPresent(problem -> {
                        throw new InvalidInput("initialPassword", problem);
                    });
            account.setInitialPassword(hasher.hash(request.initialPassword()), now, caller.is(Roles.ADMIN));
        } else {
            invitation = newToken();
            invitationExpires = now.plus(INVITATION_LIFETIME);
            account.invite(Authentication.sha256(invitation), invitationExpires, caller.is(Roles.ADMIN));
        }
        if (!caller.is(Roles.ADMIN)) {
            // HR chose the address, and holds the password or the invitation: once the person uses the account, a
            // reset link mailed to that address would give it back to whoever reads it
            account.withholdResetByMail();
        }
        em.persist(person);
        em.persist(account);
        try {
            // written now: an address registered by another request this very moment is this request's 409 on email
            // (a list of nominations names its row), not a conflict found at the commit with no field to name
            em.flush();
        } catch (PersistenceException e) {
            if (FallbackExceptionMapper.isDuplicate(e)) {
                throw emailTaken();
            }
            throw e;
        }
        audit.record("PERSON_CREATED", "person", person.id(), "roles=" + person.roles());
        return new Created(person, invitation, invitationExpires);
    }

    /**
     * A trainee who registered themself with a link sent to their address ({@link Registrations}): the same rules as
     * a registration by HR (names not blank, the address free, the password policy), and the password their own.
     */
    Person createSelfRegistered(String email, PersonName name, String organizationId, String position, String password) {
        requireNotBlank("firstNameTh", name.firstNameTh());
        requireNotBlank("lastNameTh", name.lastNameTh());
        PasswordPolicy.check(password, email).ifPresent(problem -> {
            throw new InvalidInput("password", problem);
        });
        // a locking read: an HR registration of the same address at this moment commits first and is seen, or waits
        if (!em.createQuery("SELECT p FROM Person p WHERE p.email IN :spellings", Person.class)
                .setParameter("spellings", EmailDomains.spellings(email)).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().isEmpty()) {
            throw alreadyRegistered();
        }
        Instant now = clock.instant();
        Person person = new Person(email, name, organizationId, position, EnumSet.of(Role.TRAINEE), now);
        Account account = new Account(person);
        account.setOwnFirstPassword(hasher.hash(password), now);
        em.persist(person);
        em.persist(account);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (FallbackExceptionMapper.isDuplicate(e)) {
                // registered in the same instant by another request: the address's key decided
                throw alreadyRegistered();
            }
            throw e;
        }
        return person;
    }

    private static Conflict alreadyRegistered() {
        return new Conflict("already-registered", "This address has an account already: sign in with it",
                new FieldError("email", "has an account already"));
    }

    /**
     * A forgotten or leaked password: the password stops working at once and the person gets a new one-time
     * invitation (as at registration) to set another, and a sign-in lock on the account is lifted. ADMIN only: whoever
     * holds the invitation can sign in as the person, so HR, which registers trainees, does not get to take over an
     * account that is in use. One's own password is changed with the current one instead ({@code PUT /me/password}).
     */
    @Transactional
    public Created resetPassword(String id) {
        Person person = visible(id);
        if (person.erased()) {
            throw new NotFound("Person", id);
        }
        if (caller.isPerson(person.id())) {
            throw new RuleViolation("own-password", "Change your own password with your current one (PUT /me/password)");
        }
        // a reset link mailed before stops working; removed before the account changes (the order a completion locks in)
        resetLinks.forget(id);
        Account account = em.find(Account.class, id);
        String invitation = newToken();
        Instant expires = clock.instant().plus(INVITATION_LIFETIME);
        account.reset(Authentication.sha256(invitation), expires);
        // whoever signed in with the leaked password is signed out too
        revocations.revoke(account);
        throttle.forget(person.email());
        audit.record("PASSWORD_RESET", "person", id, null);
        return new Created(person, invitation, expires);
    }

    /** Reads a person: ADMIN, HR of their organisation, or the person themself. A read by someone else is audited. */
    @Transactional
    public Person get(String id) {
        Person person = visible(id);
        if (!caller.isPerson(id)) {
            audit.record("PERSON_READ", "person", id, null);
        }
        return person;
    }

    @Transactional
    public Page<Person> list(String organizationId, String q, PageRequest page) {
        boolean all = caller.is(Roles.ADMIN);
        Set<String> orgs = all ? Set.of() : scope.hrOrganizationIds();
        if (!all && orgs.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        // an organisation with the units below it, as HR's scope and the reports read it (a ministry's id found nobody)
        Set<String> subtree = organizationId == null ? Set.of() : scope.subtreeOf(organizationId);
        if (organizationId != null && subtree.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        List<String> words = searchWords(q);
        StringBuilder where = new StringBuilder(" WHERE p.erasedAt IS NULL")
                .append(all ? "" : " AND p.organizationId IN :orgs")
                .append(organizationId == null ? "" : " AND p.organizationId IN :org");
        // every word somewhere in the name or the e-mail: "สมชาย ใจดี" finds สมชาย ใจดี, "นายสมชาย" too
        for (int i = 0; i < words.size(); i++) {
            String w = ":w" + i;
            // the title joined to the first name holds the first name alone too
            where.append(" AND (p.email LIKE ").append(w).append(" ESCAPE '!' OR p.lastNameTh LIKE ").append(w)
                    .append(" ESCAPE '!' OR CONCAT(COALESCE(p.titleTh, ''), p.firstNameTh) LIKE ").append(w)
                    .append(" ESCAPE '!' OR LOWER(p.firstNameEn) LIKE ").append(w)
                    .append(" ESCAPE '!' OR LOWER(p.lastNameEn) LIKE ").append(w).append(" ESCAPE '!')");
        }
        var query = em.createQuery("SELECT p FROM Person p" + where + " ORDER BY p.firstNameTh, p.lastNameTh, p.id", Person.class);
        var count = em.createQuery("SELECT COUNT(p) FROM Person p" + where, Long.class);
        if (!all) {
            query.setParameter("orgs", orgs);
            count.setParameter("orgs", orgs);
        }
        if (organizationId != null) {
            query.setParameter("org", subtree);
            count.setParameter("org", subtree);
        }
        for (int i = 0; i < words.size(); i++) {
            String like = "%" + words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            query.setParameter("w" + i, like);
            count.setParameter("w" + i, like);
        }
        List<Person> items = page.apply(query).getResultList();
        audit.record("PEOPLE_LISTED", "organization", organizationId, q == null ? null : "q given");
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }

    /**
     * The words of a search, in the spelling names are kept in ({@link PersonName}): a name copied from a PDF, with ำ as
     * two characters or zero-width spaces, finds the person HR typed. At most {@value #SEARCH_WORDS} words.
     */
    static List<String> searchWords(String q) {
        if (q == null) {
            return List.of();
        }
        return java.util.Arrays.stream(PersonName.clean(q).toLowerCase(java.util.Locale.ROOT).split("[\\p{Z}\\s]+"))
                .filter(w -> !w.isEmpty()).limit(SEARCH_WORDS).toList();
    }

    /** Changes a person's record; with {@code ifMatch} (its {@code ETag}), only the version that was read. */
    @Transactional
    public Person update(String id, PersonPatch patch, String ifMatch) {
        Person person = visible(id);
        // an erased record stays erased: a name given to it again would undo the erasure
        if (person.erased()) {
            throw new NotFound("Person", id);
        }
        RecordVersions.requireMatch(ifMatch, person.version(), "person's record");
        if (caller.isPerson(id) && !caller.isAny(Roles.ADMIN, Roles.HR)) {
            throw new Forbidden("Ask your HR or an administrator to change your record");
        }
        requireManageable(person.organizationId(), "id");
        // HR registers and looks after trainees; the records of staff with other roles (an administrator's e-mail is
        // their sign-in) are changed by an ADMIN
        if (!caller.is(Roles.ADMIN) && !caller.isPerson(id) && !HR_GRANTABLE.containsAll(person.roles())) {
            throw new Forbidden("Only an administrator changes the record of a person who holds " + person.roles());
        }
        if (patch.email() != null || patch.roles() != null) {
            // a pending reset link stops working with the address it went to, or the roles it was asked for; removed
            // first, so that the link's row is locked before the person's and the account's, as a completion locks them
            resetLinks.forget(id);
        }
        if (patch.email() != null) {
            String email = Person.normalizeEmail(patch.email());
            requireFreeEmail(email, id);
            boolean changed = !email.equals(person.email());
            person.changeEmail(email);
            Account account = em.find(Account.class, id);
            if (account != null && changed) {
                // an invitation mailed or handed to the old address (a typo in a file of nominations, say) would give
                // the account to whoever holds it: it stops working, and an ADMIN issues a new one for the new address
                account.withdrawInvitation();
            }
            if (account != null && caller.is(Roles.ADMIN)) {
                // an ADMIN vouches for the address (sending it unchanged too)
                account.allowResetByMail();
            } else if (account != null && changed && !caller.isPerson(id)) {
                // HR chose the address: a reset link mailed there would give the account to whoever reads it, who is
                // not known to be the person (an account without a password yet, too: its invitation is accepted later)
                account.withholdResetByMail();
            }
        }
        requireNotBlank("firstNameTh", patch.firstNameTh());
        requireNotBlank("lastNameTh", patch.lastNameTh());
        PersonName old = person.name();
        if (patch.titleTh() != null || patch.firstNameTh() != null || patch.lastNameTh() != null
                || patch.titleEn() != null || patch.firstNameEn() != null || patch.lastNameEn() != null) {
            person.rename(new PersonName(
                    patch.titleTh() != null ? patch.titleTh() : old.titleTh(),
                    patch.firstNameTh() != null ? patch.firstNameTh() : old.firstNameTh(),
                    patch.lastNameTh() != null ? patch.lastNameTh() : old.lastNameTh(),
                    patch.titleEn() != null ? patch.titleEn() : old.titleEn(),
                    patch.firstNameEn() != null ? patch.firstNameEn() : old.firstNameEn(),
                    patch.lastNameEn() != null ? patch.lastNameEn() : old.lastNameEn()));
        }
        String organizationBefore = person.organizationId();
        if (patch.organizationId() != null) {
            organizations.find(patch.organizationId());
            requireManageable(patch.organizationId(), "organizationId");
        }
        person.moveTo(patch.organizationId(), patch.position());
        // tokens carry the roles and the organisation: a token of the old ones must not outlive the change
        boolean sessionsEnd = !person.organizationId().equals(organizationBefore);
        if (patch.roles() != null && !patch.roles().equals(person.roles())) {
            if (patch.roles().isEmpty()) {
                throw new InvalidInput("roles", "must hold at least one role");
            }
            requireGrantable(patch.roles());
            if (caller.isPerson(person.id()) && person.has(Role.ADMIN) && !patch.roles().contains(Role.ADMIN)) {
                throw new RuleViolation("last-admin-guard", "You cannot take your own ADMIN role away");
            }
            audit.record("ROLES_CHANGED", "person", id, person.roles() + " -> " + patch.roles());
            // TRAINEE is what HR grants itself: only a role beyond it gives a registrar something it did not have
            boolean widened = patch.roles().stream().anyMatch(role -> role != Role.TRAINEE && !person.roles().contains(role));
            person.grantOnly(patch.roles());
            if (widened && !caller.isPerson(id)) {
                withdrawCredentialsKnownToOthers(id);
            }
            sessionsEnd = true;
        }
        if (sessionsEnd) {
            endSessions(id);
        }
        audit.record("PERSON_CHANGED", "person", id, null);
        return RecordVersions.saved(em, person);
    }

    /**
     * A role granted to an account whose password or invitation came from an HR registration (HR may register with a
     * password it chooses, and gets the invitation token, so it may also have accepted it or changed the password
     * since) would let the registrar sign in with the new role. Those credentials stop working; the ADMIN then
     * issues an invitation ({@code POST /people/{id}/invitation}) and hands it to the person.
     */
    private void withdrawCredentialsKnownToOthers(String id) {
        Account account = em.find(Account.class, id);
        if (account != null && account.credentialsKnownToOthers()) {
            account.close();
            audit.record("CREDENTIALS_WITHDRAWN", "person", id, "a role was granted");
        }
    }

    /** Every token the person holds stops working once the caller's transaction commits. */
    private void endSessions(String id) {
        Account account = em.find(Account.class, id);
        if (account != null) {
            revocations.revoke(account);
        }
    }

    /** PDPA access and portability: everything every feature stores about the person. */
    @Transactional
    public Map<String, Object> personalData(String id) {
        Person person = visible(id);
        if (!caller.isPerson(id) && !caller.is(Roles.ADMIN)) {
            throw new NotFound("Person", id);
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("personId", person.id());
        export.put("exportedAt", Bangkok.text(clock.instant()));
        holders.stream()
                .sorted(java.util.Comparator.comparing(PersonalDataHolder::section))
                .forEach(holder -> export.put(holder.section(), holder.export(id)));
        audit.record("PERSONAL_DATA_EXPORTED", "person", id, null);
        return export;
    }

    /**
     * PDPA erasure: every feature anonymises its part; aggregate figures and certificate validity stay, and the
     * person's tokens are refused once it commits (on other instances within seconds). Erasing an erased person again
     * erases what they wrote since, with a request already under way at the erasure, or on another instance before it
     * heard; {@link ErasureSweep} does this by itself for a token's lifetime after.
     */
    @Transactional
    public void erase(String id) {
        Person person = visible(id);
        if (caller.isPerson(person.id())) {
            throw new RuleViolation("self-erasure", "An administrator cannot erase their own record");
        }
        if (person.erased()) {
            eraseAgain(id);
            audit.record("PERSONAL_DATA_ERASED_AGAIN", "person", id, null);
            return;
        }
        // the reset link before anything else: a completion locks it first, then the account and the audit log
        resetLinks.forget(id);
        Set<String> mentions = mentions(person);
        holders.forEach(holder -> holder.eraseMentions(id, mentions));
        holders.forEach(holder -> holder.erase(id));
        endSessions(id);
        audit.record("PERSONAL_DATA_ERASED", "person", id, null);
    }

    /**
     * Erases again everyone erased within the given time: what a request under way at their erasure wrote.
     * Run on a schedule by {@link ErasureSweep}; the people are few, and each feature's erasure is idempotent.
     */
    @Transactional
    public int eraseRecentlyErasedAgain(Duration within) {
        List<String> recent = em.createQuery("SELECT p.id FROM Person p WHERE p.erasedAt > :since", String.class)
                .setParameter("since", clock.instant().minus(within)).getResultList();
        recent.forEach(this::eraseAgain);
        return recent.size();
    }

    /** Each feature's erasure once more, for what an erased person wrote since; their names are gone by now. */
    private void eraseAgain(String id) {
        resetLinks.forget(id);
        holders.forEach(holder -> holder.erase(id));
    }

    /** What identifies the person in text: id, e-mail and its name part, first and last names in Thai and English. */
    private static Set<String> mentions(Person person) {
        PersonName n = person.name();
        String email = person.email();
        return java.util.stream.Stream.of(person.id(), email, email == null ? null : email.substring(0, Math.max(0, email.indexOf('@'))),
                        n.firstNameTh(), n.lastNameTh(), n.firstNameEn(), n.lastNameEn())
                .filter(s -> s != null && s.strip().length() >= 2).map(String::strip)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Names and organisations of the given people, for other features' views; one query. */
    public Map<String, PersonSummary> summaries(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // a projection: loading Person entities would also load each one's roles, one statement per person
        return em.createQuery("SELECT p.id, p.titleTh, p.firstNameTh, p.lastNameTh, p.titleEn, p.firstNameEn, p.lastNameEn, "
                        + "p.organizationId FROM Person p WHERE p.id IN :ids", Object[].class)
                .setParameter("ids", Set.copyOf(ids))
                .getResultList().stream()
                .map(r -> {
                    PersonName name = new PersonName((String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6]);
                    return new PersonSummary((String) r[0], name.fullTh(), name.fullEn(), (String) r[7], r[2] + " " + r[3]);
                })
                .collect(Collectors.toMap(PersonSummary::id, Function.identity()));
    }

    /** Who holds an address, as {@link #byEmails} finds them: not a read of a whole record. */
    public record Holder(String id, String email, String organizationId, boolean erased, String fullNameTh) {
    }

    /**
     * The people registered with these addresses, under any of their spellings (the check a registration makes before
     * it takes an address), by each spelling looked for; one query, a projection (whole {@code Person} entities would
     * each fetch their roles). Not audited as a read: callers show only what the caller may see.
     */
    public Map<String, Holder> byEmails(Collection<String> spellings) {
        Map<String, Holder> holders = new java.util.HashMap<>();
        if (spellings.isEmpty()) {
            return holders;
        }
        em.createQuery("SELECT p.id, p.email, p.organizationId, p.erasedAt, p.titleTh, p.firstNameTh, p.lastNameTh FROM Person p "
                        + "WHERE p.email IN :spellings", Object[].class)
                .setParameter("spellings", Set.copyOf(spellings)).getResultList()
                .forEach(r -> holders.put((String) r[1], new Holder((String) r[0], (String) r[1], (String) r[2], r[3] != null,
                        r[3] != null ? null : new PersonName((String) r[4], (String) r[5], (String) r[6], null, null, null).fullTh())));
        return holders;
    }

    /** A person other features may refer to (for an enrolment, a trainer), or 404. Not a read of personal data. */
    public PersonSummary summary(String id) {
        PersonSummary summary = summaries(List.of(id)).get(id);
        if (summary == null) {
            throw new NotFound("Person", id);
        }
        return summary;
    }

    public boolean hasRole(String personId, Role role) {
        Person person = em.find(Person.class, personId);
        return person != null && person.has(role);
    }

    private Person visible(String id) {
        Person person = em.find(Person.class, id);
        if (person == null || !(caller.is(Roles.ADMIN) || caller.isPerson(id) || scope.hrCovers(person.organizationId()))) {
            throw new NotFound("Person", id);
        }
        return person;
    }

    private void requireManageable(String organizationId, String field) {
        if (caller.is(Roles.ADMIN) || scope.hrCovers(organizationId)) {
            return;
        }
        if (field.equals("id")) {
            throw new Forbidden("This record is outside the organisations you manage");
        }
        throw new RuleViolation("outside-scope", "You may only manage people of your own organisation",
                new FieldError(field, "is outside the organisations you manage"));
    }

    /**
     * A name given must show something: {@code @NotBlank} trims only what {@code trim()} does, so a name of
     * ideographic, no-break or zero-width spaces passes it, and on a PATCH null has to stay allowed (unchanged).
     */
    private static void requireNotBlank(String field, String value) {
        if (value != null && PersonName.clean(value).isEmpty()) {
            throw new InvalidInput(field, "must not be blank");
        }
    }

    private void requireGrantable(Set<Role> roles) {
        if (!caller.is(Roles.ADMIN) && !HR_GRANTABLE.containsAll(roles)) {
            throw new Forbidden("HR may only register trainees; ask an administrator for other roles");
        }
    }

    private void requireFreeEmail(String email, String exceptId) {
        // under any of its spellings: a Thai domain typed by HR, or in the xn-- form self-registration keeps
        boolean taken = !em.createQuery("SELECT p.id FROM Person p WHERE p.email IN :spellings AND p.id <> :id", String.class)
                .setParameter("spellings", EmailDomains.spellings(email)).setParameter("id", exceptId == null ? "" : exceptId)
                .setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw emailTaken();
        }
    }

    private static Conflict emailTaken() {
        return new Conflict("duplicate-email", "Someone is registered with this e-mail already", new FieldError("email", "is taken"));
    }

    static String newToken() {
        return org.sakkaya.platform.OneTimeTokens.next();
    }
}
