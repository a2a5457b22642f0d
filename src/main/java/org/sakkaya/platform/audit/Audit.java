package org.sakkaya.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.sakkaya.platform.security.Caller;

/**
 * The audit log: sign-ins, role changes, reads and exports of personal data. An event joins the transaction of
 * the use case it records, so a refused or rolled-back action leaves no event claiming it happened; failed
 * sign-ins are recorded by use cases that do not roll back for them.
 */
@ApplicationScoped
public class Audit {
    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** Records an event by the signed-in caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subjectType, String subjectId, String detail) {
        recordAs(caller.signedIn() ? caller.personId() : null, action, subjectType, subjectId, detail);
    }

    /** Records an event whose actor is known otherwise (a sign-in, before there is a token). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String actorId, String action, String subjectType, String subjectId, String detail) {
        em.persist(new AuditEvent(clock.instant(), actorId, action, subjectType, subjectId, clientAddress(), detail));
    }

    /** Records an event of work done after its request was answered, with the address that request came from. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String actorId, String action, String subjectType, String subjectId, String detail, String clientAddress) {
        em.persist(new AuditEvent(clock.instant(), actorId, action, subjectType, subjectId, clientAddress, detail));
    }

    /**
     * Records a refused request by the signed-in caller in a transaction of its own, which the refusal's rollback
     * keeps: an attempt worth knowing about although nothing came of it (a file of addresses that were not the caller's).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefused(String action, String subjectType, String subjectId, String detail) {
        record(action, subjectType, subjectId, detail);
    }

    /**
     * Records, in a transaction of its own, what work done after its request was answered came to (mails sent on a
     * managed thread, say), with the actor and address of that request.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAfterwards(String actorId, String action, String subjectType, String subjectId, String detail, String clientAddress) {
        recordAs(actorId, action, subjectType, subjectId, detail, clientAddress);
    }

    /** The caller's address; a scheduled job has no request and no address. */
    private String clientAddress() {
        try {
            return caller.clientAddress();
        } catch (jakarta.enterprise.context.ContextNotActiveException noRequest) {
            return null;
        }
    }
}
