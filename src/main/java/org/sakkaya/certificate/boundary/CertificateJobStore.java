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
    /**
     * How long a job's runner may go unheard before another instance takes the job over, in the database's time (the
     * instances' clocks may differ; the database's is the one all of them read).
     */
    static final int LEASE_SECONDS = 120;

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
    public CertificateJob create(String cohortId, int total, LocalDate issuedOn, String requestedBy, String runner) {
        CertificateJob job = new CertificateJob(Ids.next(), cohortId, total, issuedOn, requestedBy, clock.instant());
        em.persist(job);
        em.flush();
        em.createNativeQuery("UPDATE certificate_job SET runner = ?1, heartbeat_at = UTC_TIMESTAMP(6) WHERE id = ?2")
                .setParameter(1, runner).setParameter(2, job.id()).executeUpdate();
        audit.recordAs(requestedBy, "CERTIFICATES_ISSUE_STARTED", "cohort", cohortId, "job " + job.id() + ": " + total + " to issue");
        return job;
    }

    public Optional<CertificateJob> running(String cohortId) {
        return em.createQuery("SELECT j FROM CertificateJob j WHERE j.activeCohortId = :cohort", CertificateJob.class)
                .setParameter("cohort", cohortId).getResultStream().findFirst();
    }

    /**
     * Takes the job for {@code runner} when it is running and nobody runs it, or its runner has not been heard of for
     * {@link #LEASE_SECONDS} (its instance stopped or hangs). A batch takes a second or so; the lease is generous so that
     * a slow database does not hand a job to a second instance while the first still works on it. A batch in flight
     * holds the job's row ({@link #hold}), so a claim waits for it and then finds its heartbeat fresh; it waits
     * {@link #CLAIM_WAIT_SECONDS} at most and then fails (a lock wait timeout): a batch that takes longer has an instance
     * that hangs holding the row, which no other instance can take over until it lets go, and the question about the
     * cohort is answered with the job as it stands instead of a 503 after the database's 50 s.
     */
    /** How long a claim waits for a batch in flight on another instance: a batch takes a second or so. */
    static final int CLAIM_WAIT_SECONDS = 5;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String id, String runner) {
        return em.createNativeQuery("SET STATEMENT innodb_lock_wait_timeout = " + CLAIM_WAIT_SECONDS + " FOR "
                        + "UPDATE certificate_job SET runner = ?1, heartbeat_at = UTC_TIMESTAMP(6) WHERE id = ?2 "
                        + "AND status = 'RUNNING' AND (runner IS NULL OR runner = ?1 OR heartbeat_at IS NULL "
                        + "OR heartbeat_at < UTC_TIMESTAMP(6) - INTERVAL " + LEASE_SECONDS + " SECOND)")
                .setParameter(1, runner).setParameter(2, id).executeUpdate() == 1;
    }

    /**
     * In the transaction of a batch: whether the job is still {@code runner}'s, writing its heartbeat and holding the
     * job's row until the batch commits, so that no other instance takes the job over while the batch is written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hold(String id, String runner) {
        return em.createNativeQuery("UPDATE certificate_job SET heartbeat_at = UTC_TIMESTAMP(6) WHERE id = ?1 AND runner = ?2 "
                        + "AND status = 'RUNNING'")
                .setParameter(1, id).setParameter(2, runner).executeUpdate() == 1;
    }

    /** Gives the job up (its task was refused), so that another instance, or a later question, resumes it at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String id, String runner) {
        em.createNativeQuery("UPDATE certificate_job SET runner = NULL WHERE id = ?1 AND runner = ?2")
                .setParameter(1, id).setParameter(2, runner).executeUpdate();
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

    /** Records how the job ended, when it is still {@code runner}'s: one taken over is the new runner's to finish. */
    @Transactional
    public void finish(String id, CertificateJob.Status outcome, String error, String runner) {
        Object owner = em.createNativeQuery("SELECT runner FROM certificate_job WHERE id = ?1 FOR UPDATE").setParameter(1, id)
                .getResultStream().findFirst().orElse(null);
        if (!runner.equals(owner)) {
            return;
        }
        CertificateJob job = em.find(CertificateJob.class, id);
        job.finish(outcome, error, clock.instant());
        audit.recordAs(job.requestedBy(), outcome == CertificateJob.Status.DONE ? "CERTIFICATES_ISSUED" : "CERTIFICATES_ISSUE_FAILED",
                "cohort", job.cohortId(), "job " + id + ": " + job.issued() + " issued" + (error == null ? "" : "; " + error));
    }
}
