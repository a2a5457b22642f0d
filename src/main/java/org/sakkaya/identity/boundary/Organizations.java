package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.sakkaya.identity.entity.Organization;
import org.sakkaya.identity.entity.OrganizationKind;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;

/** The organisation tree. Any signed-in person may read it (it is the public structure of government); ADMIN writes. */
@ApplicationScoped
public class Organizations {
    /** The width of organization.path, and how many levels (the top is the first) of 36-character ids and slashes it holds. */
    static final int MAX_PATH = 760;
    static final int MAX_DEPTH = (MAX_PATH - 1) / 37;

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
        if (underParent) {
            // the new path is the parent's: not while a move rewrites it
            lockTree(em);
        }
        Organization parent = underParent ? parent(request.parentId()) : null;
        checkPlacement(request.kind(), parent);
        Organization organization = new Organization(request.code(), request.nameTh(), request.nameEn(), request.kind(),
                parent, request.province(), clock.instant());
        requireDepth(organization.path().length());
        em.persist(organization);
        audit.record("ORGANIZATION_CREATED", "organization", organization.id(), request.code());
        return organization;
    }

    @Transactional
    public Organization update(String id, OrganizationPatch patch) {
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
        audit.record("ORGANIZATION_CHANGED", "organization", id, null);
        // written here, not at commit: a change saved by someone meanwhile is then refused inside the use case (409)
        // rather than in the transaction manager's commit, which logged a stack trace for each
        em.flush();
        return organization;
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

    /** Serialises changes to the tree's paths; held until the transaction ends. See {@code V017}. */
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
