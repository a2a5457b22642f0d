package org.sakkaya.identity.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.identity.control.PasswordHasher;
import org.sakkaya.identity.control.PasswordPolicy;
import org.sakkaya.identity.entity.Account;
import org.sakkaya.identity.entity.Organization;
import org.sakkaya.identity.entity.OrganizationKind;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.identity.entity.PersonName;
import org.sakkaya.identity.entity.Role;

/**
 * The first administrator of a fresh installation. When {@code sakkaya.bootstrap.admin-email} and
 * {@code sakkaya.bootstrap.admin-password} are set and nobody holds ADMIN yet, creates that person in a top-level
 * organisation; otherwise does nothing, so the settings can stay in place (and should be removed after first use).
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sakkaya.bootstrap.admin-email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "sakkaya.bootstrap.admin-password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "sakkaya.bootstrap.organization-code", defaultValue = "ROOT")
    String organizationCode;

    @Inject
    @ConfigProperty(name = "sakkaya.bootstrap.organization-name", defaultValue = "หน่วยงานผู้ดูแลระบบ")
    String organizationName;

    @PostConstruct
    void bootstrap() {
        if (email.isEmpty() || password.isEmpty()) {
            return;
        }
        // Two instances started together on an empty database both found no administrator, both created one, and the
        // second failed to deploy on the organisation's code. Creating a top-level organisation changes the tree, so it
        // waits for the tree's lock like any other change; the count after it sees what the first instance committed.
        Organizations.lockTree(em);
        long admins = em.createQuery("SELECT COUNT(p) FROM Person p WHERE :role MEMBER OF p.roles", Long.class)
                .setParameter("role", Role.ADMIN).getSingleResult();
        if (admins > 0) {
            return;
        }
        PasswordPolicy.check(password.get(), email.get()).ifPresent(problem -> {
            throw new IllegalStateException("sakkaya.bootstrap.admin-password " + problem);
        });
        Instant now = clock.instant();
        Organization organization = em.createQuery("SELECT o FROM Organization o WHERE o.code = :code", Organization.class)
                .setParameter("code", organizationCode).getResultStream().findFirst()
                .orElseGet(() -> {
                    Organization created = new Organization(organizationCode, organizationName, null,
                            OrganizationKind.MINISTRY, null, null, now);
                    em.persist(created);
                    em.flush(); // person rows refer to it, and EclipseLink orders only mapped relationships
                    return created;
                });
        Person admin = new Person(email.get(), new PersonName(null, "ผู้ดูแลระบบ", "Sakkaya", null, "Administrator", null),
                organization.id(), null, Set.of(Role.ADMIN), now);
        Account account = new Account(admin);
        // the operator's own, from the configuration: an ADMIN's
        account.setInitialPassword(hasher.hash(password.get()), now, true);
        em.persist(admin);
        em.persist(account);
        // the id, not the e-mail: the operator knows the address they configured, and the log is kept beyond an erasure
        LOG.info(() -> "Created the first administrator, person " + admin.id() + ", with the configured e-mail and password");
    }
}
