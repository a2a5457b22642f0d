package org.sakkaya.certificate.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sakkaya.certificate.entity.CertificateJob;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.program.boundary.Cohorts;

/** The certificate jobs' rows, each change in its own short transaction so that pollers see progress at once. */
@ApplicationScoped
public class CertificateJobStore {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    Certificates certificates;

    @Inject
    Cohorts cohorts;

    /**
     * In its own transaction: the job is committed before its thread starts, also when the request runs in a
     * transaction of its own (one with an {@code Idempotency-Key}), and a parallel start's duplicate key stays here.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CertificateJob create(String cohortId, int total, LocalDate issuedOn, String requestedBy) {
        CertificateJob job = new CertificateJob(Ids.next(), cohortId, total, issuedOn, requestedBy, clock.instant());
        em.persist(job);
        em.flush();
        audit.recordAs(requestedBy, "CERTIFICATES_ISSUE_STARTED", "cohort", cohortId, "job " + job.id() + ": " + total + " to issue");
        return job;
    }

    public Optional<CertificateJob> running(String cohortId) {
        return em.createQuery("SELECT j FROM CertificateJob j WHERE j.activeCohortId = :cohort", CertificateJob.class)
                .setParameter("cohort", cohortId).getResultStream().findFirst();
    }

    @Transactional
    public List<String> allRunning() {
        return em.createQuery("SELECT j.id FROM CertificateJob j WHERE j.status = :running", String.class)
                .setParameter("running", CertificateJob.Status.RUNNING).getResultList();
    }

    /** In a (read-only) transaction: a background thread has no other persistence context to read in. */
    @Transactional
    public CertificateJob find(String id) {
        CertificateJob job = em.find(CertificateJob.class, id);
        if (job == null) {
            throw new NotFound("Certificate job", id);
        }
        return job;
    }

    /** What the job still has to issue, worked out afresh (so a resumed job skips what is done); the total follows. */
    @Transactional
    public List<Certificates.Pending> plan(String id) {
        CertificateJob job = em.find(CertificateJob.class, id);
        List<Certificates.Pending> pending = certificates.pending(cohorts.find(job.cohortId()));
        job.remaining(pending.size());
        return pending;
    }

    @Transactional
    public void finish(String id, CertificateJob.Status outcome, String error) {
        CertificateJob job = em.find(CertificateJob.class, id);
        job.finish(outcome, error, clock.instant());
        audit.recordAs(job.requestedBy(), outcome == CertificateJob.Status.DONE ? "CERTIFICATES_ISSUED" : "CERTIFICATES_ISSUE_FAILED",
                "cohort", job.cohortId(), "job " + id + ": " + job.issued() + " issued" + (error == null ? "" : "; " + error));
    }
}
