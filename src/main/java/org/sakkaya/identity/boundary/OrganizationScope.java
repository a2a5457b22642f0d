package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.Set;
import org.sakkaya.identity.entity.Organization;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;

/**
 * Which organisations the caller's HR role covers: their own organisation and its sub-units. Other features ask
 * here rather than reading the tree themselves. Computed once per request.
 */
@RequestScoped
public class OrganizationScope {
    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    private Set<String> hrOrganizations;

    /** Organisation ids that the caller's HR role covers; empty for a caller without it. */
    public Set<String> hrOrganizationIds() {
        if (hrOrganizations == null) {
            hrOrganizations = caller.is(Roles.HR) && caller.organizationId() != null
                    ? subtreeOf(caller.organizationId())
                    : Set.of();
        }
        return hrOrganizations;
    }

    public boolean hrCovers(String organizationId) {
        return organizationId != null && hrOrganizationIds().contains(organizationId);
    }

    /** The organisation and every unit below it. */
    public Set<String> subtreeOf(String organizationId) {
        Organization root = em.find(Organization.class, organizationId);
        if (root == null) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT o.id FROM Organization o WHERE o.path LIKE :prefix", String.class)
                .setParameter("prefix", root.path() + "%")
                .getResultList());
    }
}
