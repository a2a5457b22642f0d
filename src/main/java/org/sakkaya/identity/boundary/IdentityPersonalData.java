package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sakkaya.identity.control.EmailDomains;
import org.sakkaya.identity.control.LoginThrottle;
import org.sakkaya.identity.control.PasswordResetLinks;
import org.sakkaya.identity.control.RegistrationLinks;
import org.sakkaya.identity.entity.Account;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.audit.AuditEvent;
import org.sakkaya.platform.privacy.PersonalDataHolder;

/**
 * The person record, roles, account metadata (never the hash), the audit events about or by the person, a
 * registration link pending for their address and a password-reset link pending for their account.
 */
@ApplicationScoped
public class IdentityPersonalData implements PersonalDataHolder {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    LoginThrottle throttle;

    @Inject
    RegistrationLinks links;

    @Inject
    PasswordResetLinks resetLinks;

    @Override
    public String section() {
        return "identity";
    }

    @Override
    public Set<String> tables() {
        return Set.of("person", "person_role", "account", "login_throttle", "audit_event", "registration", "password_reset");
    }

    @Override
    public Map<String, Object> export(String personId) {
        Person person = em.find(Person.class, personId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("person", PersonView.of(person));
        data.put("createdAt", Bangkok.text(person.createdAt()));
        Account account = em.find(Account.class, personId);
        if (account != null) {
            Map<String, Object> accountData = new LinkedHashMap<>();
            accountData.put("hasPassword", account.hasPassword());
            accountData.put("passwordChangedAt", account.passwordChangedAt() == null ? null : Bangkok.text(account.passwordChangedAt()));
            data.put("account", accountData);
        }
        // some events name the person only in their detail (a trainer assigned to a cohort, a role changed by them):
        // a scan of the details, as an export is rare; ids are UUIDs, so a match is the person's
        List<Map<String, Object>> events = em.createQuery(
                        "SELECT e FROM AuditEvent e WHERE e.subjectId = :id OR e.actorId = :id OR e.detail LIKE :mention"
                                + " ORDER BY e.occurredAt", AuditEvent.class)
                .setParameter("id", personId)
                .setParameter("mention", "%" + personId + "%")
                .getResultList().stream()
                .map(e -> {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("occurredAt", Bangkok.text(e.occurredAt()));
                    event.put("action", e.action());
                    event.put("byThisPerson", personId.equals(e.actorId()));
                    event.put("subjectType", e.subjectType());
                    event.put("subjectId", e.subjectId());
                    // the detail of an act of theirs about someone else (a grade's score, a revocation's reason) is
                    // that person's data: it comes with the events about this person only
                    boolean aboutThem = personId.equals(e.subjectId()) || (e.detail() != null && e.detail().contains(personId));
                    event.put("detail", aboutThem ? e.detail() : null);
                    // the address is the actor's: the person's own, or another member of staff's, which is theirs
                    event.put("clientAddress", personId.equals(e.actorId()) ? e.clientAddress() : null);
                    return event;
                })
                .toList();
        data.put("auditEvents", events);
        // a link asked for again with the address of an account (after an erasure, the address is free again)
        data.put("pendingRegistrations", EmailDomains.spellings(person.email()).stream().flatMap(e -> links.of(e).stream()).map(pending -> {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("email", pending.email());
            link.put("organizationId", pending.organizationId());
            link.put("requestedAt", Bangkok.text(pending.requestedAt()));
            link.put("expiresAt", Bangkok.text(pending.expiresAt()));
            return link;
        }).toList());
        // the address a link went to is kept only as its SHA-256, which says nothing the record does not
        data.put("pendingPasswordResets", resetLinks.of(personId).stream().map(pending -> {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("requestedAt", Bangkok.text(pending.requestedAt()));
            link.put("expiresAt", Bangkok.text(pending.expiresAt()));
            return link;
        }).toList());
        return data;
    }

    @Override
    public void erase(String personId) {
        // the reset link first: a completion locks its row before the account's
        resetLinks.forget(personId);
        Person person = em.find(Person.class, personId);
        String email = person.email();
        person.erase(clock.instant());
        Account account = em.find(Account.class, personId);
        if (account != null) {
            account.close();
        }
        throttle.forget(email);
        EmailDomains.spellings(email).forEach(links::forget);
        // client addresses of the person's own actions are personal data too
        em.createQuery("UPDATE AuditEvent e SET e.clientAddress = NULL WHERE e.actorId = :id")
                .setParameter("id", personId)
                .executeUpdate();
        // and those of the requests for a reset link of theirs, which may have come from anyone
        em.createQuery("UPDATE AuditEvent e SET e.clientAddress = NULL WHERE e.action = 'PASSWORD_RESET_REQUESTED'"
                        + " AND e.subjectType = 'person' AND e.subjectId = :id")
                .setParameter("id", personId)
                .executeUpdate();
    }
}
