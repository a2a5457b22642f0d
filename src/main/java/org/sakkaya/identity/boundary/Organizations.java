package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sakkaya.identity.control.EmailDomains;
import org.sakkaya.identity.entity.Organization;
import org.sakkaya.identity.entity.OrganizationKind;
import org.sakkaya.identity.entity.RegistrationDomain;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;

/** The organisation tree. Any signed-in person may read it (it is the public structure of government); ADMIN writes. */
@ApplicationScoped
public class Organizations {
    /** The width of organization.path, and how many levels (the top is the first) of 36-character ids and slashes it holds. */
    static final int MAX_PATH = 760;
    static final int MAX_DEPTH = (MAX_PATH - 1) / 37;
    /** The e-mail domains one organisation may take registrations for. */
    static final int MAX_REGISTRATION_DOMAINS = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Transactional
    public Organization create(OrganizationRequest request) {
        requireFreeCode(request.code(), null);
        boolean underParent = request.parentId() != null && !request.parentId().isBlank();
        if (underParent || request.registrationDomains() != null) {
            // the new path is the parent's: not while a move rewrites it; and domains are claimed one change at a time
            lockTree(em);
        }
        Organization parent = underParent ? parent(request.parentId()) : null;
        checkPlacement(request.kind(), parent);
        Organization organization = new Organization(request.code(), request.nameTh(), request.nameEn(), request.kind(),
                parent, request.province(), clock.instant());
        requireDepth(organization.path().length());
        em.persist(organization);
        if (request.registrationDomains() != null) {
            em.flush();
            replaceRegistrationDomains(organization, request.registrationDomains());
        }
        audit.record("ORGANIZATION_CREATED", "organization", organization.id(), request.code());
        return organization;
    }

    @Transactional
    public Organization update(String id, OrganizationPatch patch) {
        if (patch.registrationDomains() != null) {
            // first, as a move takes it: the tree's lock before any organisation's row
            lockTree(em);
        }
        Organization organization = find(id);
        boolean moving = patch.parentId() != null && !patch.parentId().equals(organization.parentId());
        if (moving) {
            // one move at a time, each reading the paths as the last one committed them: two organisations placed
            // under each other at once would otherwise each pass the cycle check against the other's old path
            lockTree(em);
            em.refresh(organization, LockModeType.PESSIMISTIC_WRITE);
        }
        if (patch.code() != null && !patch.code().equals(organization.code())) {
            requireFreeCode(patch.code(), id);
        }
        organization.rename(patch.code(), patch.nameTh(), patch.nameEn(), patch.province());
        organization.reclassify(patch.kind());
        if (moving) {
            move(organization, patch.parentId().isBlank() ? null : parent(patch.parentId()));
        }
        checkPlacement(organization.kind(), organization.parentId() == null ? null : find(organization.parentId()));
        if (patch.registrationDomains() != null) {
            replaceRegistrationDomains(organization, patch.registrationDomains());
        }
        audit.record("ORGANIZATION_CHANGED", "organization", id, null);
        // written here, not at commit: a change saved by someone meanwhile is then refused inside the use case (409)
        // rather than in the transaction manager's commit, which logged a stack trace for each
        em.flush();
        return organization;
    }

    /**
     * The organisation's e-mail domains become exactly these (each in its one spelling; a domain given twice counts
     * once). A domain another organisation takes registrations for is a 409: an address must lead to one place. Two
     * organisations claiming one domain at the same moment meet at the table's key (409 {@code duplicate}).
     */
    private void replaceRegistrationDomains(Organization organization, List<String> domains) {
        // each domain in its one spelling, with the place it was first given at (errors name that place)
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < domains.size(); i++) {
            String field = "registrationDomains[" + i + "]";
            String domain = domains.get(i);
            EmailDomains.refusal(domain).ifPresent(why -> {
                throw new InvalidInput(field, why);
            });
            wanted.putIfAbsent(EmailDomains.normalize(domain).orElseThrow(), i);
        }
        // one change of any organisation's domains at a time (they are rare), each reading them as the last one
        // committed them (locking reads): two changes of one list at once would otherwise merge, and two organisations
        // claiming one domain would meet at its key, the loser answered 409 naming nothing, or deadlocked
        lockTree(em);
        List<RegistrationDomain> current = em.createQuery("SELECT d FROM RegistrationDomain d WHERE d.organizationId = :id",
                        RegistrationDomain.class).setParameter("id", organization.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Set<String> held = new HashSet<>();
        current.forEach(d -> held.add(d.domain()));
        if (held.equals(wanted.keySet())) {
            return;
        }
        List<String> added = wanted.keySet().stream().filter(d -> !held.contains(d)).toList();
        if (!added.isEmpty()) {
            List<RegistrationDomain> taken = em.createQuery("SELECT d FROM RegistrationDomain d WHERE d.domain IN :domains",
                    RegistrationDomain.class).setParameter("domains", added).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            if (!taken.isEmpty()) {
                String domain = taken.get(0).domain();
                throw new Conflict("duplicate-domain", "Another organisation takes registrations for " + domain,
                        new FieldError("registrationDomains[" + wanted.get(domain) + "]", "is another organisation's"));
            }
        }
        current.stream().filter(d -> !wanted.containsKey(d.domain())).forEach(em::remove);
        added.forEach(domain -> em.persist(new RegistrationDomain(domain, organization.id())));
        em.flush();
        audit.record("REGISTRATION_DOMAINS_CHANGED", "organization", organization.id(), String.join(",", wanted.keySet()));
    }

    /** The e-mail domains whose owners may register themselves into this organisation, sorted. */
    public List<String> registrationDomains(String organizationId) {
        return registrationDomains(List.of(organizationId)).getOrDefault(organizationId, List.of());
    }

    /** The same for several organisations, in one query (a page of the tree). */
    public Map<String, List<String>> registrationDomains(Collection<String> organizationIds) {
        if (organizationIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> domains = new HashMap<>();
        em.createQuery("SELECT d FROM RegistrationDomain d WHERE d.organizationId IN :ids ORDER BY d.domain", RegistrationDomain.class)
                .setParameter("ids", List.copyOf(new HashSet<>(organizationIds))).getResultList()
                .forEach(d -> domains.computeIfAbsent(d.organizationId(), k -> new ArrayList<>()).add(d.domain()));
        return domains;
    }

    /** The organisation whose staff have addresses at this domain (in its one spelling), if any takes registrations. */
    public Optional<Organization> takingRegistrationsFor(String domain) {
        return Optional.ofNullable(em.find(RegistrationDomain.class, domain))
                .map(d -> em.find(Organization.class, d.organizationId()));
    }

    /** The same, the domain's row read with a lock held to the end of the transaction (and as committed now). */
    public Optional<Organization> takingRegistrationsForLocked(String domain) {
        return Optional.ofNullable(em.find(RegistrationDomain.class, domain, LockModeType.PESSIMISTIC_READ))
                .map(d -> em.find(Organization.class, d.organizationId()));
    }

    /** The organisation with this code (codes are unique, compared as the database's collation compares them). */
    public Optional<Organization> byCode(String code) {
        return em.createQuery("SELECT o FROM Organization o WHERE o.code = :code", Organization.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public Organization find(String id) {
        return Optional.ofNullable(em.find(Organization.class, id)).orElseThrow(() -> new NotFound("Organization", id));
    }

    /** The Thai names of these organisations, by id, in one query (files for people name them, not their ids). */
    public java.util.Map<String, String> namesTh(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        em.createQuery("SELECT o.id, o.nameTh FROM Organization o WHERE o.id IN :ids", Object[].class)
                .setParameter("ids", java.util.List.copyOf(new java.util.HashSet<>(ids))).getResultList()
                .forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    public Page<Organization> list(String parentId, String q, PageRequest page) {
        String where = " WHERE (:parent IS NULL OR o.parentId = :parent)"
                + " AND (:q IS NULL OR o.nameTh LIKE :q OR o.nameEn LIKE :q OR o.code LIKE :q)";
        String like = q == null || q.isBlank() ? null : "%" + q.strip() + "%";
        var items = page.apply(em.createQuery("SELECT o FROM Organization o" + where + " ORDER BY o.path", Organization.class)
                        .setParameter("parent", parentId).setParameter("q", like))
                .getResultList();
        long total = em.createQuery("SELECT COUNT(o) FROM Organization o" + where, Long.class)
                .setParameter("parent", parentId).setParameter("q", like).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private void move(Organization organization, Organization newParent) {
        String oldPath = organization.path();
        // the deepest path of the subtree moves with it (the tree is locked: no sub-unit is added meanwhile), read with
        // a lock, as it is now: the transaction's snapshot was taken by its first read, before it waited for the tree,
        // and misses a subtree moved under this one meanwhile, whose paths then overflowed their column (a 500)
        int deepest = ((Number) em.createNativeQuery("SELECT MAX(LENGTH(path)) FROM organization WHERE path LIKE ?1 LOCK IN SHARE MODE")
                .setParameter(1, oldPath + "%").getSingleResult()).intValue();
        organization.placeUnder(newParent);
        requireDepth(deepest - oldPath.length() + organization.path().length());
        em.flush();
        em.createQuery("UPDATE Organization o SET o.path = CONCAT(:newPath, SUBSTRING(o.path, :cut)) "
                        + "WHERE o.path LIKE :oldPrefix AND o.id <> :id")
                .setParameter("newPath", organization.path())
                .setParameter("cut", oldPath.length() + 1)
                .setParameter("oldPrefix", oldPath + "%")
                .setParameter("id", organization.id())
                .executeUpdate();
    }

    /**
     * A path of ids from the top holds 20 levels in its column (VARCHAR(760), ASCII): one deeper failed the write with
     * a 500. No real tree comes near (ministry, department, division, and a few more below).
     */
    private static void requireDepth(int pathLength) {
        if (pathLength > MAX_PATH) {
            throw new RuleViolation("organization-too-deep", "The tree holds at most " + MAX_DEPTH + " levels, counting the top",
                    new FieldError("parentId", "would place an organisation deeper than " + MAX_DEPTH + " levels, counting the top"));
        }
    }

    /**
     * Serialises changes to the tree's paths, and to the e-mail domains organisations take registrations for; held until
     * the transaction ends. See {@code V017}.
     */
    static void lockTree(EntityManager em) {
        em.createNativeQuery("SELECT id FROM organization_tree_lock WHERE id = 1 FOR UPDATE").getSingleResult();
    }

    /** The parent as last committed (a locking read; the tree is locked), so its path is current. */
    private Organization parent(String parentId) {
        Organization parent = em.find(Organization.class, parentId, LockModeType.PESSIMISTIC_READ);
        if (parent == null) {
            throw new RuleViolation("unknown-parent", "No organisation " + parentId + " to place this under",
                    new FieldError("parentId", "no such organisation"));
        }
        return parent;
    }

    /** A ministry and a partner stand at the top; departments and divisions sit under something. */
    private static void checkPlacement(OrganizationKind kind, Organization parent) {
        if (kind == OrganizationKind.MINISTRY && parent != null) {
            throw new RuleViolation("misplaced-organization", "A ministry has no parent", new FieldError("parentId", "must be empty for a ministry"));
        }
        if ((kind == OrganizationKind.DEPARTMENT || kind == OrganizationKind.DIVISION) && parent == null) {
            throw new RuleViolation("misplaced-organization", "A " + kind.name().toLowerCase() + " sits under another organisation",
                    new FieldError("parentId", "is required for a " + kind.name().toLowerCase()));
        }
    }

    private void requireFreeCode(String code, String exceptId) {
        boolean taken = !em.createQuery("SELECT o.id FROM Organization o WHERE o.code = :code AND o.id <> :id", String.class)
                .setParameter("code", code).setParameter("id", exceptId == null ? "" : exceptId)
                .setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new Conflict("duplicate-code", "An organisation with code " + code + " exists already",
                    new FieldError("code", "is taken"));
        }
    }
}
